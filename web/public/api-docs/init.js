// Starts the bundled Scalar API reference on /api/docs (a file, not inline: the CSP allows no inline script).
// Nothing leaves this server: no web fonts, no telemetry, no AI agent, no proxy.
window.Scalar.createApiReference("#reference", {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: false,
  persistAuth: false,
});
