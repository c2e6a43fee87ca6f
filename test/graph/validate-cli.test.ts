// The validation command other municipalities use on their own programme files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runValidate, validateFiles } from '../../src/cli/validate.js';
import { ROOT } from '../../src/graph/config.js';

const fixture = (f: string) => path.join(ROOT, 'test', 'fixtures', 'shapes', f);

describe('npm run validate', () => {
  it.each([
    ['programme/valid.ttl', 0, /0 violation\(s\), 0 warning\(s\)/],
    ['programme/warning.no-english-label.ttl', 0, /0 violation\(s\), 1 warning\(s\)/],
    ['link/invalid.no-rationale.ttl', 1, /Violation: .*link1.*rationale/],
  ])('%s exits %i and says why', async (file, code, pattern) => {
    const lines: string[] = [];
    expect(await validateFiles([fixture(file)], (l) => lines.push(l))).toBe(code);
    expect(lines.join('\n')).toMatch(pattern);
  });

  it('validates a programme typed only with lkpo classes and linked to the UN\'s own target IRIs, with our ontology and the SDG KOS as background', async () => {
    const lines: string[] = [];
    const files = ['municipality/programme.ttl', 'municipality/links.ttl'].map(fixture);
    expect(await validateFiles(files, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/ triples: 0 violation\(s\), 0 warning\(s\)$/)]);
  });

  it('reports a notation used twice in one scheme, as the build does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const twice = readFileSync(fixture('municipality/programme.ttl'), 'utf8').replace('skos:notation "1.1.1.2"^^lkpo:PriorityNumber', 'skos:notation "1.1.1.1"^^lkpo:PriorityNumber');
    writeFileSync(path.join(dir, 'programme.ttl'), twice);
    const lines: string[] = [];
    expect(await validateFiles([path.join(dir, 'programme.ttl'), fixture('municipality/links.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/SKOS \(notation\): <https:\/\/example\.org\/fjallby\/1\.1\.1\.[12]>: notation "1\.1\.1\.1" is also used by/);
  });

  it.each([
    ['left out', (t: string) => t.replace('ex:1.1.1.1 skos:closeMatch sdg:11.2 .', ''), /SKOS \(direct-triple\): <https:\/\/example\.org\/fjallby\/link-1\.1\.1\.1--11\.2>: the link's direct triple <https:\/\/example\.org\/fjallby\/1\.1\.1\.1> skos:closeMatch <http:\/\/metadata\.un\.org\/sdg\/11\.2> is missing$/m],
    ['of the other strength', (t: string) => t.replace('ex:1.1.1.1 skos:closeMatch sdg:11.2 .', 'ex:1.1.1.1 skos:relatedMatch sdg:11.2 .'), /is missing \(there is skos:relatedMatch, which is the other strength\)$/m],
  ])('reports a link whose direct SKOS triple is %s, as the build does', async (_case, edit, pattern) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'links.ttl'), edit(readFileSync(fixture('municipality/links.ttl'), 'utf8')));
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), path.join(dir, 'links.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(pattern);
  });

  it('names the value that broke a shape: a link to a target the UN KOS does not have', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'links.ttl'), readFileSync(fixture('municipality/links.ttl'), 'utf8').replace('lkpo:linkTo sdg:6.3', 'lkpo:linkTo sdg:6.99'));
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), path.join(dir, 'links.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/linkTo: .* \(value: <http:\/\/metadata\.un\.org\/sdg\/6\.99>\)/);
  });

  it('says it reads Turtle, not the build\'s CSV link tables', async () => {
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), 'data/links/priority-sdg.csv'], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/reads RDF in Turtle, not CSV \(data\/links\/priority-sdg\.csv\)/);
  });

  it('takes relative paths from the directory npm was run in (INIT_CWD), not the package root', async () => {
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = fixture('municipality');
    try {
      const lines: string[] = [];
      expect(await validateFiles(['programme.ttl', 'links.ttl'], (l) => lines.push(l))).toBe(0);
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
  });

  // What no shape reports, because then no shape targets the node (found by a reuser's audit, 2026-12-06: each exited 0)
  const edited = async (file: 'programme.ttl' | 'links.ttl', edit: (t: string) => string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, file), edit(readFileSync(fixture(`municipality/${file}`), 'utf8')));
    const files = (['programme.ttl', 'links.ttl'] as const).map((f) => (f === file ? path.join(dir, f) : fixture(`municipality/${f}`)));
    const lines: string[] = [];
    return { code: await validateFiles(files, (l) => lines.push(l)), text: lines.join('\n') };
  };

  it.each([
    ['a misspelt lkpo property', 'links.ttl', (t: string) => t.replace('lkpo:citedSection "5.2"', 'lkpo:citedSection "5.2" ; lkpo:citedSektion "5.2"'), /^Violation \(unknown-term\): <https:\/\/example\.org\/fjallby\/link-1\.1\.1\.2--11\.2>: property lkpo:citedSektion is not a term of the lkpo ontology \(did you mean lkpo:citedSection\?\)$/m],
    ['a misspelt lkpo class', 'programme.ttl', (t: string) => t.replace('ex:1.1.1.1 a lkpo:Priority', 'ex:1.1.1.1 a lkpo:Priorty'), /^Violation \(unknown-term\): <https:\/\/example\.org\/fjallby\/1\.1\.1\.1>: class lkpo:Priorty is not a term of the lkpo ontology \(did you mean lkpo:Priority\?\)$/m],
    ['the lkpo namespace written with / for #', 'programme.ttl', (t: string) => t.replace('helsingborg-livskvalitet/def#>', 'helsingborg-livskvalitet/def/>'), /^Violation \(namespace\): <[^>]+>: class <https:\/\/w3id\.org\/helsingborg-livskvalitet\/def\/Programme> is in <https:\/\/w3id\.org\/helsingborg-livskvalitet\/def\/>, not in the lkpo namespace <https:\/\/w3id\.org\/helsingborg-livskvalitet\/def#> \(write @prefix lkpo: <https:\/\/w3id\.org\/helsingborg-livskvalitet\/def#> \.\)$/m],
    ['a misspelt scheme', 'programme.ttl', (t: string) => t.replace('skos:broader ex:1.2.1 ; skos:inScheme ex:prog2020', 'skos:broader ex:1.2.1 ; skos:inScheme ex:prog2002'), /^Violation \(undescribed\): <https:\/\/example\.org\/fjallby\/1\.2\.1\.1>: skos:inScheme <https:\/\/example\.org\/fjallby\/prog2002>: nothing in the files or the background describes it/m],
  ] as const)('reports %s', async (_case, file, edit, pattern) => {
    const { code, text } = await edited(file, edit);
    expect(code).toBe(1);
    expect(text).toMatch(pattern);
  });

  // rdf-validate-shacl 0.6.5 compares sh:languageIn by string prefix; RFC 4647's basic filtering does not
  it.each([
    ['@svenska', 'Hållbart resande"@sv', 'Hållbart resande"@svenska', /the language tag @svenska is not @sv \(nor a tag that begins "sv-"\)/],
    ['@eng', 'Sustainable travel"@en', 'Sustainable travel"@eng', /the language tag @eng is not @en \(nor a tag that begins "en-"\)/],
  ])('reports a label tagged %s, which only begins like a language the shapes ask for', async (_tag, from, to, pattern) => {
    const { code, text } = await edited('programme.ttl', (t) => t.replace(from, to));
    expect(code).toBe(1);
    expect(text).toMatch(pattern);
  });

  it('takes a tag with a subtag of an asked-for language (en-GB) as that language', async () => {
    const { code } = await edited('programme.ttl', (t) => t.replace('Sustainable travel"@en', 'Sustainable travel"@en-GB'));
    expect(code).toBe(0);
  });

  it.each([
    ['a narrower its narrower\'s broader does not name', 'programme.ttl', (t: string) => t.replace('skos:narrower ex:1.1.1.1, ex:1.1.1.2 .', 'skos:narrower ex:1.1.1.1, ex:1.1.1.2, ex:1.2.1.1 .'), /^SKOS \(hierarchy\): <https:\/\/example\.org\/fjallby\/1\.2\.1\.1>: <https:\/\/example\.org\/fjallby\/1\.1\.1> has it as skos:narrower, but its skos:broader is <https:\/\/example\.org\/fjallby\/1\.2\.1>$/m],
    ['a number that does not continue its parent\'s', 'programme.ttl', (t: string) => t.replace('"1.2.1.1"^^lkpo:PriorityNumber', '"1.1.2.2"^^lkpo:PriorityNumber'), /^SKOS \(notation\): <https:\/\/example\.org\/fjallby\/1\.2\.1\.1>: number "1\.1\.2\.2" does not continue its skos:broader <https:\/\/example\.org\/fjallby\/1\.2\.1>'s "1\.2\.1" \(1\.2\.1\.…\)$/m],
    ['a top concept of another scheme', 'programme.ttl', (t: string) => t.replace('skos:inScheme ex:prog2020 ; skos:topConceptOf ex:prog2020 ; skos:narrower ex:1.2.1 .', 'skos:inScheme ex:prog2020 ; skos:topConceptOf ex:prog2020, ex:prog ; skos:narrower ex:1.2.1 .').replace('skos:topConceptOf ex:prog2020, ex:prog', 'skos:topConceptOf ex:prog'), /^SKOS \(hierarchy\): <https:\/\/example\.org\/fjallby\/1\.2>: it is skos:topConceptOf <https:\/\/example\.org\/fjallby\/prog> but skos:inScheme <https:\/\/example\.org\/fjallby\/prog2020> too/m],
    ['a link with both direct triples', 'links.ttl', (t: string) => t.replace('ex:1.1.1.1 skos:closeMatch sdg:11.2 .', 'ex:1.1.1.1 skos:closeMatch sdg:11.2 . ex:1.1.1.1 skos:relatedMatch sdg:11.2 .'), /^SKOS \(direct-triple\): <https:\/\/example\.org\/fjallby\/link-1\.1\.1\.1--11\.2>: <https:\/\/example\.org\/fjallby\/1\.1\.1\.1> has both skos:closeMatch and skos:relatedMatch to <http:\/\/metadata\.un\.org\/sdg\/11\.2>: a link has one strength/m],
    ['a mapping with no link node', 'links.ttl', (t: string) => `${t}\nex:1.2.1.1 skos:closeMatch sdg:16.1 .\n`, /^SKOS \(unqualified\): <https:\/\/example\.org\/fjallby\/1\.2\.1\.1>: skos:closeMatch <http:\/\/metadata\.un\.org\/sdg\/16\.1> has no lkpo:Link beside it/m],
    ['a direct triple written the other way', 'links.ttl', (t: string) => t.replace('ex:1.1.1.1 skos:closeMatch sdg:11.2 .', 'sdg:11.2 skos:closeMatch ex:1.1.1.1 .'), /is missing \(there is <http:\/\/metadata\.un\.org\/sdg\/11\.2> skos:closeMatch <https:\/\/example\.org\/fjallby\/1\.1\.1\.1>: SKOS entails one from the other, but the direct triple goes from the link's lkpo:linkFrom\)$/m],
  ] as const)('reports %s', async (_case, file, edit, pattern) => {
    const { code, text } = await edited(file, edit);
    expect(code).toBe(1);
    expect(text).toMatch(pattern);
  });

  it('takes a rationale quoting in Swedish quotation marks (”…”, »…«) without a warning (shapes 0.5.0)', async () => {
    const { code, text } = await edited('links.ttl', (t) => t.replace('“fler cykelvägar”', '”fler cykelvägar”').replace('“minska utsläpp till sjöar”', '»minska utsläpp till sjöar«'));
    expect(code).toBe(0);
    expect(text).toMatch(/0 violation\(s\), 0 warning\(s\)$/);
  });

  it('reports a cited section that is not a string (shapes 0.5.0)', async () => {
    const { code, text } = await edited('links.ttl', (t) => t.replace('lkpo:citedSection "5.2"', 'lkpo:citedSection 5'));
    expect(code).toBe(1);
    expect(text).toMatch(/A link is exactly one of: stated \(with dcterms:source, an IRI, and lkpo:citedSection, a string\), curated, or derived/);
  });

  it('says that no shape checked anything when no node is of a class the shapes target', async () => {
    const { code, text } = await edited('programme.ttl', (t) => t.replace('helsingborg-livskvalitet/def#>', 'helsingborg-livskvalitet/def/>'));
    expect(code).toBe(1);
    expect(text).not.toMatch(/untargeted/); // the links file still has lkpo:Link nodes
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'p.ttl'), readFileSync(fixture('municipality/programme.ttl'), 'utf8').replace('helsingborg-livskvalitet/def#>', 'helsingborg-livskvalitet/def/>'));
    const lines: string[] = [];
    expect(await validateFiles([path.join(dir, 'p.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/^Violation \(untargeted\): no node in the files is of a class the shapes check \(lkpo:[A-Za-z]+, .*\), so no shape checked anything$/m);
  });

  it.each([
    ['links.jsonld', '{"@context": {}, "@graph": []}', /^validate reads Turtle \(N-Triples too, which is Turtle\), not JSON-LD \(.*links\.jsonld\): write the file as Turtle, or convert it/],
    ['links.ttl', '[{"@id": "https://example.org/x"}]', /not JSON-LD \(.*links\.ttl\)/],
    ['links.ttl', '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', /not RDF\/XML \(.*links\.ttl\)/],
    ['links.trig', '<https://example.org/g> { }', /not TriG \(/],
  ])('names the format of %s when it is not Turtle, exit 2', async (name, content, pattern) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, name), content);
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), path.join(dir, name)], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(pattern);
  });

  it('reads a Turtle file that starts with a blank node as Turtle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'extra.ttl'), '[ <http://www.w3.org/2000/01/rdf-schema#label> "x"@en ] .\n');
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), fixture('municipality/links.ttl'), path.join(dir, 'extra.ttl')], (l) => lines.push(l))).toBe(0);
  });

  it('prints an inverse path as SPARQL writes it, not as "(complex path)"', async () => {
    const lines: string[] = [];
    expect(await validateFiles([fixture('programme/invalid.priority-without-sdg-link.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/^Violation: <http:\/\/example\.org\/p1> \^https:\/\/w3id\.org\/helsingborg-livskvalitet\/def#linkFrom: A priority has at least one qualified link/m);
  });

  it('refuses a file with no triples, alone or beside others, exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'empty.ttl'), '# nothing yet\n');
    for (const files of [[path.join(dir, 'empty.ttl')], [fixture('municipality/programme.ttl'), path.join(dir, 'empty.ttl')]]) {
      const lines: string[] = [];
      expect(await validateFiles(files, (l) => lines.push(l))).toBe(2);
      expect(lines).toEqual([`validate: ${path.join(dir, 'empty.ttl')} holds no triples: nothing to validate there (leave it out, or write the programme or links in it)`]);
    }
  });

  it('reads a Turtle .owl file as Turtle, and knows RDF/XML that starts with a comment and JSON-LD that starts with a byte order mark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'extra.owl'), '<https://example.org/fjallby/x> <http://www.w3.org/2000/01/rdf-schema#label> "x"@en .\n');
    const ok: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), fixture('municipality/links.ttl'), path.join(dir, 'extra.owl')], (l) => ok.push(l))).toBe(0);
    writeFileSync(path.join(dir, 'a.ttl'), '<!-- exported -->\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>');
    writeFileSync(path.join(dir, 'b.ttl'), '\uFEFF{"@context": {}}');
    const lines: string[] = [];
    expect(await validateFiles([path.join(dir, 'a.ttl'), path.join(dir, 'b.ttl')], (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(/not RDF\/XML \(.*a\.ttl\), JSON-LD \(.*b\.ttl\)/);
  });

  it('reads --shapes written in TriG as our shapes are read, and leaves Helsingborg\'s numbering to our shapes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'own.trig'), `@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:g> { <urn:x:S> a sh:NodeShape ; sh:targetClass <http://www.w3.org/2004/02/skos/core#Concept> ; sh:property [ sh:path <http://www.w3.org/2004/02/skos/core#prefLabel> ; sh:minCount 1 ] . }
`);
    const renumbered = path.join(dir, 'programme.ttl');
    writeFileSync(renumbered, readFileSync(fixture('municipality/programme.ttl'), 'utf8').replace('"1.2.1.1"^^lkpo:PriorityNumber', '"7"^^lkpo:PriorityNumber'));
    const own: string[] = [];
    expect(await runValidate(['--shapes', path.join(dir, 'own.trig'), renumbered, fixture('municipality/links.ttl')], (l) => own.push(l))).toBe(0);
    const ours: string[] = [];
    expect(await runValidate([renumbered, fixture('municipality/links.ttl')], (l) => ours.push(l))).toBe(1);
    expect(ours.join('\n')).toMatch(/SKOS \(notation\): .*number "7" does not continue/);
  });

  it('leaves alone what SKOS allows outside a programme\'s levels: a polyhierarchy, and a narrower list that names only some children', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    writeFileSync(path.join(dir, 'extra.ttl'), `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/fjallby/> .
ex:themes a skos:ConceptScheme ; skos:prefLabel "Teman"@sv .
ex:t1 a skos:Concept ; skos:prefLabel "Miljö"@sv ; skos:inScheme ex:themes ; skos:topConceptOf ex:themes ; skos:narrower ex:t3 .
ex:t2 a skos:Concept ; skos:prefLabel "Hälsa"@sv ; skos:inScheme ex:themes ; skos:topConceptOf ex:themes .
ex:t3 a skos:Concept ; skos:prefLabel "Luft"@sv ; skos:inScheme ex:themes ; skos:broader ex:t1, ex:t2 .
ex:t4 a skos:Concept ; skos:prefLabel "Vatten"@sv ; skos:inScheme ex:themes ; skos:broader ex:t1 .
`);
    const lines: string[] = [];
    expect(await validateFiles([fixture('municipality/programme.ttl'), fixture('municipality/links.ttl'), path.join(dir, 'extra.ttl')], (l) => lines.push(l))).toBe(0);
    // and within a programme, a focus area whose narrower list leaves out a priority that names it as broader
    const partial = await edited('programme.ttl', (t) => t.replace('skos:narrower ex:1.1.1.1, ex:1.1.1.2 .', 'skos:narrower ex:1.1.1.1 .'));
    expect(partial.text).not.toMatch(/hierarchy/);
  });

  it('explains its usage when given no file', async () => {
    const lines: string[] = [];
    expect(await validateFiles([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/usage/);
  });

  it.each([
    [['--lang', 'sv'], /Violation: .*link1> .*rationale: En länk har exakt en motivering, en mening med språktagg \(lkpo:rationale\)\.$/m, /A link/],
    [['-l', 'SV'], /: En länk har exakt en motivering/, /A link/],
    [['--lang=en'], /: A link has exactly one rationale, a language-tagged sentence \(lkpo:rationale\)\.$/m, /En länk/],
    [[], /: A link has exactly one rationale/, /En länk/],
  ])('prints the shapes\' messages in the language %j asks for (English by default)', async (options, pattern, other) => {
    const lines: string[] = [];
    expect(await runValidate([...options, fixture('link/invalid.no-rationale.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(pattern);
    expect(lines.join('\n')).not.toMatch(other);
  });

  it('prints in Swedish also a message rdf-validate-shacl words itself (sh:uniqueLang), from the shape', async () => {
    const lines: string[] = [];
    expect(await runValidate(['--lang', 'sv', fixture('programme/invalid.two-swedish-labels.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/prefLabel: Ett begrepp har minst en skos:prefLabel, en sträng med språktagg, och högst en per språk\.$/m);
    expect(lines.join('\n')).toMatch(/prefLabel: Exakt en svensk etikett \(skos:prefLabel med @sv\) krävs: källtexten är på svenska\.$/m);
  });

  it.each([
    [['--lang', 'fi', 'x.ttl'], /--lang must be en or sv, not "fi"/],
    [['--lang'], /argument missing|--lang/],
    [['--language', 'sv', 'x.ttl'], /Unknown option '--language'/],
  ])('refuses %j with the usage text, exit 2', async (argv, pattern) => {
    const lines: string[] = [];
    expect(await runValidate(argv, (l) => lines.push(l))).toBe(2);
    expect(lines.join('\n')).toMatch(pattern);
    expect(lines.join('\n')).toMatch(/usage: npm run validate -- \[--lang en\|sv\]/);
  });

  it('prints its usage, which names --lang and --shapes, on --help, exit 0', async () => {
    const lines: string[] = [];
    expect(await runValidate(['--help'], (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/-l, --lang <en\|sv> +the language of the shapes' messages: en \(English, the default\) or sv/);
    expect(lines.join('\n')).toMatch(/-s, --shapes <file\.ttl> +SHACL shapes to use instead of ontology\/shapes\.ttl/);
  });

  it('--shapes validates against a municipality\'s own shapes instead of ours (a relative path read from where npm was run)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lkp-shapes-'));
    writeFileSync(
      path.join(dir, 'own.ttl'),
      `@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:IdentifierShape> a sh:NodeShape ; sh:targetClass <http://www.w3.org/2004/02/skos/core#Concept> ;
  sh:property [ sh:path <http://purl.org/dc/terms/identifier> ; sh:minCount 1 ; sh:message "Every concept has an identifier."@en ] .
`,
    );
    const files = [fixture('municipality/programme.ttl'), fixture('municipality/links.ttl')];
    const ours: string[] = [];
    expect(await runValidate(files, (l) => ours.push(l))).toBe(0);
    const own: string[] = [];
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      expect(await runValidate(['--shapes', 'own.ttl', ...files], (l) => own.push(l))).toBe(1);
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
    expect(own.join('\n')).toMatch(/^Violation: <[^>]+> http:\/\/purl\.org\/dc\/terms\/identifier: Every concept has an identifier\.$/m);
  });

  it('--shapes naming no file exits 2 and says so', async () => {
    const lines: string[] = [];
    expect(await runValidate(['--shapes', '/nonexistent/shapes.ttl', fixture('programme/valid.ttl')], (l) => lines.push(l))).toBe(2);
    expect(lines).toEqual(['validate: no shapes file /nonexistent/shapes.ttl']);
  });
});
