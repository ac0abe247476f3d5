//! A seeded generator of numbers for the unit tests that compare a shortcut
//! with the general way on many random cases: the same cases on every run,
//! and no dependency for it.

/// Numbers below its argument, from `seed` (a linear congruential
/// generator's high bits).
pub(crate) fn numbers(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |below: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % below
    }
}
