//! Trunk's entry point: mounts the calculator page.

fn main() {
    kling_pricing_app::app::mount_body();
}
