export * from "./events";
export * from "./auth";
export * from "./api-keys";
export * from "./kiosk-links";
export * from "./audit-log";
export * from "./queue-settings";
export * from "./app-secrets";
export * from "./login-failures";
