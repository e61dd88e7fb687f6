// A catalog compiled by server/icu-messages-plugin.ts: one function per message.
declare module '*.json?messages' {
  const messages: Record<string, (values?: Readonly<Record<string, string | number>>) => string>;
  export default messages;
}
