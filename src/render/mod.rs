//! Renderers: one report, several audiences. Each renderer turns the same
//! [`Report`] into text; none of them prints.

mod human;
mod json;

use crate::config::Format;
use crate::report::Report;

/// Renders `report` in `format`; `color` applies to human output only.
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(report, color),
        Format::Json => json::render(report),
    }
}
