// Apply the saved theme choice before first paint (avoids a flash). Only the theme is stored, never tokens.
try {
  var t = localStorage.getItem("tickler.theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch {
  // Storage blocked (private mode, policy): keep the default theme.
}
