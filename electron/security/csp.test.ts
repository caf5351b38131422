import { contentSecurityPolicy } from './csp';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('content security policy', () => {
  const csp = directives(contentSecurityPolicy('https://obhut.kreis-segeberg.de/api/'));

  it('lets the app talk to itself and to the configured server origin only', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://obhut.kreis-segeberg.de']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no remote, inline or eval-ed script', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain("'wasm-unsafe-eval'");
      expect(sources).not.toContain('*');
      expect(sources.some((s) => /^https?:$/.test(s))).toBe(false);
    }
  });

  it('allows no frames, plugins, form posts or base changes', () => {
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('child-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('follows the server of the configuration, including a local development server', () => {
    expect(directives(contentSecurityPolicy('http://localhost:3000')).get('connect-src')).toEqual([
      "'self'",
      'http://localhost:3000',
    ]);
  });
});
