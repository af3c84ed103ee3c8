/** Text files the core embeds (the pod program's Python), as Vite's `?raw` imports give them. */
declare module '*.py?raw' {
  const text: string;
  export default text;
}
