/**
 * A planted leak: the network audit's negative control (test/e2e/audit.e2e.ts). Only a build made with
 * `WXT_LF_PLANTED_LEAK=true npx wxt build --mode leak` contains the request; in every other build the
 * condition is the constant `false` and the bundler drops the call, URL and all (test/build/manifest.test.ts
 * scans shipped bundles for fetch and URLs, so a regression fails the build tests).
 * `.invalid` never resolves (RFC 2606), so even the leaky build reaches no one.
 */
export function plantLeak(where: 'background' | 'content'): void {
  if (import.meta.env.WXT_LF_PLANTED_LEAK === 'true') {
    // Repeated for a while, so an observer that attaches after start-up still sees one.
    let left = 30;
    const leak = () => {
      // eslint-disable-next-line no-restricted-globals, no-restricted-syntax -- planted leak for the audit's negative control; compiled out of real builds
      void fetch('https://leak.invalid/' + where).catch(() => {});
      if (--left > 0) setTimeout(leak, 2_000);
    };
    leak();
  }
}
