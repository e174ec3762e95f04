//! Trunk's entry point: mounts the calculator page (not in the planner's worker).

fn main() {
    // The same build runs the planner's worker (`app::planner`), which has no page to mount.
    if web_sys::window().is_some() {
        kling_pricing_app::app::mount_body();
    }
}
