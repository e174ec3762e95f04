// <kling-pricing-calculator>: the Kling AI API cost calculator as a custom element.
//
//   <script type="module" src="kling-pricing-calculator.js"></script>
//   <kling-pricing-calculator mix="l=video~v2.1~pro~5~400&h=6" theme="auto" compact></kling-pricing-calculator>
//
// Attributes: mix (the state in the link format, see README), theme (light | dark | auto),
// compact, sync-url (keep the page address in step; off by default). The element fires
// `change` with `detail: { estimate, plan }` whenever the figures change. Styles live in a
// shadow root; theme it with the --kp-* custom properties on the element.
import init, { mount, stylesheet } from "./kling_pricing_calculator.js";

// The planner's own wasm module (crates/planner), beside this file: the calculator loads it
// on its first plan, so the element's first wasm carries no planner.
const PLANNER = new URL("./planner/kling_pricing_planner.js", import.meta.url).href;

let ready = null;
let sheet = null;

class KlingPricingCalculator extends HTMLElement {
  static observedAttributes = ["mix", "theme", "compact", "sync-url"];

  async connectedCallback() {
    ready ??= init();
    await ready;
    if (!this.isConnected || this.widget) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(stylesheet());
    }
    root.adoptedStyleSheets = [sheet];
    this.widget = mount(root, {
      mix: this.getAttribute("mix") ?? "",
      theme: this.getAttribute("theme") ?? "auto",
      compact: this.hasAttribute("compact"),
      syncUrl: this.hasAttribute("sync-url"),
      planner: PLANNER,
    });
  }

  disconnectedCallback() {
    this.widget?.unmount();
    this.widget = null;
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (this.widget && oldValue !== newValue) {
      this.disconnectedCallback();
      this.connectedCallback();
    }
  }
}

if (!customElements.get("kling-pricing-calculator")) {
  customElements.define("kling-pricing-calculator", KlingPricingCalculator);
}
export { KlingPricingCalculator };
