// The iframe version of the calculator (embed.html): takes the same query parameters as the
// page (plus theme=light|dark), and tells the parent its height so the host can size the frame:
//   parent.postMessage({ type: "kling-pricing:height", height }, "*")
// The message carries only a number; the host must check event.origin and event.source.
import init from "./kling-pricing-app.js";

await init();
let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: "kling-pricing:height", height }, "*");
  }
};
new ResizeObserver(post).observe(document.body);
post();
