//! Text that arrives from a link is shown as text: no markup it carries reaches the page.

use kling_pricing::share::decode;
use kling_pricing_render::report::link_problems_html;

#[test]
fn markup_in_a_dropped_part_is_shown_as_text() {
    let d = decode("e=<script>alert(1)</script>&b=\"><img src=x onerror=alert(1)>");
    assert_eq!(d.problems.len(), 2);
    let html = link_problems_html(&d.problems);
    assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "{html}");
}
