// tsc (outside Astro's language tools) cannot read .astro files: chart tests import them as opaque components.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
