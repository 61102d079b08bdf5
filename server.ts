import { runMain } from "./lib/server/main";

/** The one Vigie process: `npm run dev` (development) or `npm start` (after `npm run build`). */
await runMain({
  web: { dev: process.env.NODE_ENV !== "production", dir: process.cwd() },
  onReady: (server) => console.log(`Vigie listening on ${server.url}`),
});
