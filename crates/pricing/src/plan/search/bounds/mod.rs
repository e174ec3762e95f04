//! The bounds the search prunes with: what a state must still spend at least.

pub(super) mod cover;
pub(super) mod window;
