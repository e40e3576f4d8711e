//! State tests: key sequences drive `update`.
