//! The words guarantor flags read: common guarantor names, the words that make a sentence about
//! guaranteeing, and the words around a name that make it a receiver, a protected party or the
//! name of a document rather than a giver.

/// Guarantor names looked for when the caller declares none, and merged with those it
/// declares; aliases separated by `|`. Kept to organisations and states that often stand
/// behind agreements in this region; anything else must be declared (see
/// [`crate::strength::Vocabulary::with_guarantor_names`]).
pub(super) const COMMON_GUARANTORS: [&str; 11] = [
    "NATO",
    "EU|European Union",
    "UN|United Nations",
    "United States|US|USA|America",
    "Europe|European|Europeans",
    "UK|Britain|United Kingdom",
    "France",
    "Germany",
    "Turkey|Türkiye",
    "OSCE|Organization for Security and Co-operation in Europe",
    "China",
];

/// Words that make a clause about guaranteeing something; guarantor flags need one of them.
pub(super) const GUARANTEE_WORDS: [&str; 19] = [
    "guarantee",
    "guarantees",
    "guaranteed",
    "guaranteeing",
    "guarantor",
    "guarantors",
    "enforce",
    "enforces",
    "enforced",
    "enforcing",
    "enforcement",
    "monitor",
    "monitors",
    "monitored",
    "monitoring",
    "backstop",
    "underwrite",
    "underwrites",
    "underwritten",
];

/// Words before a name that make it the receiver of a guarantee, or a party between whom
/// something is agreed, not its giver ("gives Ukraine a guarantee", "stronger for Ukraine",
/// "the line between Russia and Ukraine").
pub(super) const RECIPIENT_BEFORE: [&str; 20] = [
    "for", "to", "give", "gives", "given", "giving", "offer", "offers", "offered", "grant",
    "grants", "granted", "provides", "between", "against", "on", "in", "into", "towards", "toward",
];

/// Nouns before "of" that make the name after it the one protected ("the security of
/// Ukraine"), not the giver ("the guarantee of the United States").
pub(super) const PROTECTED: [&str; 12] = [
    "security",
    "sovereignty",
    "territory",
    "integrity",
    "independence",
    "borders",
    "border",
    "safety",
    "defence",
    "defense",
    "protection",
    "people",
];

/// Nouns after a name that make it a document, a status or a market named after the
/// organisation, not the organisation acting ("the UN Charter", "NATO membership").
pub(super) const NAMED_THINGS: [&str; 22] = [
    "charter",
    "convention",
    "statute",
    "resolution",
    "resolutions",
    "treaty",
    "declaration",
    "principles",
    "membership",
    "member",
    "members",
    "accession",
    "law",
    "laws",
    "standards",
    "article",
    "acquis",
    "criteria",
    "summit",
    "market",
    "sanctions",
    "integration",
];

/// Verbs after a name that make it the receiver ("Ukraine is to be given", "Ukraine receives",
/// "Russia and Ukraine accept guarantees").
pub(super) const RECEIVING: [&str; 11] = [
    "receive",
    "receives",
    "received",
    "receiving",
    "given",
    "gets",
    "obtains",
    "accept",
    "accepts",
    "accepted",
    "welcomes",
];

/// Words skipped between a name and its verb ("is to be given").
pub(super) const AUXILIARIES: [&str; 8] =
    ["is", "are", "to", "be", "will", "shall", "would", "also"];

/// Words that join names in a list ("the US, France and the UK").
pub(super) const LIST_WORDS: [&str; 6] = ["and", "or", "nor", "the", "both", "as"];
