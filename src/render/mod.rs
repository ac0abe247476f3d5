//! Renderers: one report, several audiences. Each renderer turns the same
//! [`Report`] into text; none of them prints.

mod concise;
mod github;
pub mod html;
mod human;
mod json;
pub mod jsonl;
pub mod list;
mod sarif;
mod settings;
pub mod show;
pub mod suggest;

use crate::config::{Config, Format};
use crate::report::Report;

/// Renders `report` in `format`; `color` applies to human output only.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(report, color),
        Format::Concise => concise::render(report),
        Format::Json => json::render(report),
        Format::Jsonl => jsonl::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Html => html::render(report, None),
    }
}

/// The resolved configuration, as TOML (`quotecheck config`).
pub fn config(config: &Config) -> String {
    settings::render(config)
}
