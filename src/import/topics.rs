//! Topics for an imported clause, proposed from the keyword lists of the corpus's topics
//! (`keywords` in corpus.toml), so users extend the lexicon in the data, not in code. A keyword
//! matches whole words, case aside, with a simple plural or possessive allowed ("sanction"
//! finds "sanctions"); a keyword of several words matches them in sequence.

use crate::model::Corpus;

/// The clause text's words, lowercased, with punctuation gone.
fn words(text: &str) -> Vec<String> {
    crate::diff::words(text).collect()
}

/// Whether `w` is `k` or a plural or possessive of it.
fn same_word(w: &str, k: &str) -> bool {
    w == k
        || w.strip_suffix('s').is_some_and(|x| x == k)
        || w.strip_suffix("es").is_some_and(|x| x == k)
        || w.strip_suffix("'s").is_some_and(|x| x == k)
        || k.strip_suffix('s').is_some_and(|x| x == w)
}

/// The topics (ids, in corpus order) whose keywords occur in `text`.
pub fn propose(corpus: &Corpus, text: &str) -> Vec<String> {
    let ws = words(text);
    corpus
        .topics
        .iter()
        .filter(|t| {
            t.keywords.iter().any(|k| {
                let kw = words(k);
                !kw.is_empty()
                    && ws
                        .windows(kw.len())
                        .any(|win| win.iter().zip(&kw).all(|(w, k)| same_word(w, k)))
            })
        })
        .map(|t| t.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_words_plurals_and_phrases() {
        let mut c = crate::testing::corpus(vec![], vec![]);
        c.topics = vec![
            crate::model::Topic {
                id: "sanctions".into(),
                title: "Sanctions".into(),
                description: "d".into(),
                keywords: vec!["sanction".into()],
            },
            crate::model::Topic {
                id: "territory".into(),
                title: "Territory".into(),
                description: "d".into(),
                keywords: vec!["line of contact".into()],
            },
        ];
        assert_eq!(propose(&c, "Sanctions are lifted."), ["sanctions"]);
        assert_eq!(propose(&c, "Along the Line of Contact."), ["territory"]);
        assert!(propose(&c, "A sanctuary for contact lines.").is_empty());
    }
}
