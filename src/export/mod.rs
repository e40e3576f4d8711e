//! Exporting a comparison of two drafts to Markdown or JSON, for colleagues and documents.

pub mod escape;
pub mod marked;
