/** The templates' text as Vite's `?raw` imports give it (the floor page opens the default design). */
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
