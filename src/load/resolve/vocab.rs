//! The words each choice field of the plan format accepts, and the model value each stands
//! for. Kept in one place so the accepted spellings can be read (and kept in step with
//! docs/plan-format.md) at a glance.

use crate::model::*;

pub const CERTAINTIES: &[(&str, Certainty)] = &[
    ("published-text", Certainty::PublishedText),
    ("reported", Certainty::Reported),
    ("inferred", Certainty::Inferred),
];
pub(super) const STATUSES: &[(&str, PlanStatus)] = &[
    ("official", PlanStatus::Official),
    ("leaked", PlanStatus::Leaked),
    ("reported", PlanStatus::Reported),
    ("reconstructed", PlanStatus::Reconstructed),
];
pub const CLAUSE_STATUSES: &[(&str, ClauseStatus)] = &[
    ("bracketed", ClauseStatus::Bracketed),
    ("disputed", ClauseStatus::Disputed),
];
pub(super) const FIRMNESS: &[(&str, Firmness)] = &[
    ("hard-legal", Firmness::HardLegal),
    ("hard-declared", Firmness::HardDeclared),
    ("firm", Firmness::Firm),
    ("preference", Firmness::Preference),
];
pub(super) const TRENDS: &[(&str, ())] = &[
    ("stable", ()),
    ("softened", ()),
    ("hardened", ()),
    ("contested", ()),
    ("shifted", ()),
];
pub(super) const EFFECTS: &[(&str, Effect)] = &[
    ("crosses", Effect::Crosses),
    ("partial", Effect::Partial),
    ("meets", Effect::Meets),
];
pub const CONFIDENCES: &[(&str, Confidence)] = &[
    ("high", Confidence::High),
    ("medium", Confidence::Medium),
    ("low", Confidence::Low),
];
