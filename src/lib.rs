//! peacediff: compare peace-plan drafts clause by clause.
//!
//! The library is the whole engine — loading and validating plan files, aligning two drafts,
//! word-level diffs, red-line analysis and export — and knows nothing of terminals. The binary's
//! CLI and TUI are thin layers over it.
//!
//! ```
//! let loaded = peacediff::load::load_bundled().expect("the bundled corpus is valid");
//! let draft = loaded.corpus.find_plan("28-pt").expect("the 28-point draft is bundled");
//! assert_eq!(draft.top_level_count(), 28);
//! ```

pub mod align;
pub mod analysis;
pub mod describe;
pub mod diagnostic;
pub mod diff;
pub mod export;
pub mod fsutil;
pub mod import;
pub mod labels;
pub mod legend;
pub mod load;
pub mod model;
mod par;
#[cfg(test)]
mod proptest_seed;
pub mod sanitize;
pub mod strength;
pub mod testing;
