// The host page's own script: it sizes the iframe from the calculator's height messages
// (checking where they come from) and shows the first widget's change events.
const frame = document.getElementById("calc-frame");
window.addEventListener("message", (event) => {
  // Accept only our iframe, from the origin we loaded it from.
  if (event.source !== frame.contentWindow) return;
  if (event.origin !== new URL(frame.src, location.href).origin) return;
  const data = event.data;
  if (data && data.type === "kling-pricing:height" && Number.isFinite(data.height)) {
    frame.style.height = `${Math.min(Math.max(data.height, 100), 10000)}px`;
  }
});

document.getElementById("calc-video").addEventListener("change", (event) => {
  const { estimate, plan } = event.detail;
  document.getElementById("calc-video-total").textContent =
    `$${estimate.totalValue} a month at list price; best plan $${plan ? plan.totalCost : "–"}`;
});
