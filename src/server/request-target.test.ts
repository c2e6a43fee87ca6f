// The request-target and Host checks, as a table: what is answered up front, and what the routes then see.
import { describe, expect, it } from 'vitest';
import { checkTarget } from './request-target.js';

const check = (target: string, hosts: string[] = ['localhost:3000'], method = 'GET', httpVersion = '1.1') => checkTarget({ method, target, httpVersion, hosts }, 'localhost');

describe('checkTarget', () => {
  it.each([
    ['origin-form', '/sparql?query=x', ['localhost:3000'], '/sparql?query=x', 'localhost:3000'],
    ['Host lower-cased', '/lkp', ['LOCALHOST'], '/lkp', 'localhost'],
    ['an IPv6 literal', '/lkp', ['[::1]:3000'], '/lkp', '[::1]:3000'],
    ['an empty port', '/lkp', ['example.org:'], '/lkp', 'example.org'],
    ['port 65535', '/lkp', ['example.org:65535'], '/lkp', 'example.org:65535'],
    ['an empty Host (RFC 9112 §3.2)', '/lkp', [''], '/lkp', 'localhost'],
    ['absolute-form: its authority, not Host', 'http://Example.org:8080/lkp?x=1', ['other'], '/lkp?x=1', 'example.org:8080'],
    ['absolute-form without a path', 'https://example.org', [], '/', 'example.org'],
  ])('%s', (_name, target, hosts, url, host) => {
    expect(check(target, hosts)).toEqual({ url, host });
  });

  it.each([
    ['/lkp/2016/%2E%2E/2016/4.4.3', '/lkp/2016/4.4.3'],
    ['/lkp/2016/../2016/4.4.3.ttl?lang=en', '/lkp/2016/4.4.3.ttl?lang=en'],
    ['/./lkp/%2e/2016', '/lkp/2016'],
    ['/lkp/2016/..', '/lkp/'],
    ['http://example.org:8080/a/../lkp?x=1', '/lkp?x=1'],
    ['http://example.org/lkp/2016/%2e%2E/2016/4.4', '/lkp/2016/4.4'],
    // never to another host: `//host/…` in a Location is a network-path reference (open redirect)
    ['/.//evil.example/x', '/evil.example/x'],
    ['/x/..//evil.example/', '/evil.example/'],
    ['/x/../\\evil.example/', '/evil.example/'],
    ['http://localhost//evil.example/x/..', '/evil.example/'],
  ])('redirects a GET of %s, whose dot-segments RFC 3986 removes, to %s', (target, location) => {
    expect(check(target)).toEqual({ answer: { status: 301, message: `moved permanently to ${location}`, headers: { Location: location } } });
  });

  it('leaves dots that are no segment, and a POST, as they are', () => {
    for (const target of ['/lkp/2016/4.4.3', '/a..b/.c/d.', '/sparql?query=..%2F..']) expect(check(target)).toEqual({ url: target, host: 'localhost:3000' });
    expect(check('/sparql/../sparql', undefined, 'POST')).toEqual({ url: '/sparql/../sparql', host: 'localhost:3000' });
    expect(check('http://example.org?x=/../')).toEqual({ url: '/?x=/../', host: 'example.org' });
  });

  it('gives HTTP/1.0 without Host the server’s authority', () => {
    expect(check('/lkp/2016/4.4.3', [], 'GET', '1.0')).toEqual({ url: '/lkp/2016/4.4.3', host: 'localhost' });
  });

  it('answers OPTIONS * with the server’s methods', () => {
    expect(check('*', ['x'], 'OPTIONS')).toEqual({ answer: { status: 204, headers: { Allow: 'GET, HEAD, POST, OPTIONS' } } });
  });

  it.each<[string, string, string[], string, RegExp]>([
    ['GET *', '*', ['x'], 'GET', /^the request target \* is only for OPTIONS \(RFC 9112 §3\.2\.4\), not GET$/],
    ['a fragment', '/sparql?query=ASK%7B%7D#x', ['x'], 'GET', /^a request target never has a fragment/],
    ['a fragment in absolute-form', 'http://x/lkp#y', [], 'GET', /^a request target never has a fragment/],
    ['a file URL', 'file:///etc/passwd', ['x'], 'GET', /^the request target must be a path such as \/sparql, or an http\(s\) URL, not "file:\/\/\/etc\/passwd" \(this server is no proxy\)$/],
    ['a relative path', 'sparql', ['x'], 'GET', /^the request target must be a path/],
    ['an authority', 'example.org:443', ['x'], 'GET', /^the request target must be a path/],
    ['absolute-form with a port over 65535', 'http://x:99999/robots.txt', ['x'], 'GET', /^invalid authority in the request target "http:\/\/x:99999\/robots\.txt": expected a host name or IP address and an optional port up to 65535/],
    ['absolute-form with userinfo (RFC 9110 §4.2.4)', 'http://user@x/robots.txt', ['x'], 'GET', /^a request target never has userinfo \(user@\) \(RFC 9110 §4\.2\.4\)$/],
    ['absolute-form with userinfo and a password', 'http://user:pw@x/robots.txt', ['x'], 'GET', /^a request target never has userinfo/],
    ['HTTP/1.1 without Host', '/lkp', [], 'GET', /^missing Host header/],
    ['two Hosts', '/lkp', ['a', 'b'], 'GET', /^more than one Host header/],
    ...[' a b', 'a/b', 'a@b', 'x:99999', 'ä', 'a%b', 'a#b', 'a?b', 'a:b:c', '[::1'].map((host) => [`Host ${JSON.stringify(host)}`, '/lkp', [host], 'GET', /^invalid Host header ".*": expected a host name or IP address and an optional port up to 65535/] as [string, string, string[], string, RegExp]),
  ])('refuses %s with 400 and a message', (_name, target, hosts, method, message) => {
    const checked = check(target, hosts, method);
    expect(checked).toEqual({ answer: { status: 400, message: expect.stringMatching(message) } });
  });
});
