//! Trunk's entry point: mounts the calculator page.

fn main() {
    kling_pricing::app::mount_body();
}
