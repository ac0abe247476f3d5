//! Exit codes: part of the command-line contract, documented in the README.
//! CI pipelines branch on them, so they never change meaning.

/// Nothing at or above the failing severity was found.
pub const OK: u8 = 0;
/// Something at or above the failing severity (`--fail-on`) was found.
pub const FINDINGS: u8 = 1;
/// The command could not do its job: bad usage, a broken quote list, an
/// article that could not be read. Takes precedence over [`FINDINGS`].
pub const ERROR: u8 = 2;
