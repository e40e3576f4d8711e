//! Tests of the word index: candidates, the crowded-clause bound, and scoring.

use super::*;

fn index() -> WordIndex {
    let left = [
        "Russia shall withdraw its forces within 100 days.",
        "Ukraine may join the European Union.",
        "Sanctions will be lifted in stages, 600,000 troops.",
        "",
    ];
    let right = [
        "Russia will withdraw all forces within 90 days.",
        "Sanctions shall be lifted in stages once forces withdraw.",
        "Ukraine may join the European Union and NATO.",
        "A new clause on prisoners.",
    ];
    WordIndex::new(&left, &right)
}

#[test]
fn a_loaded_clause_overlaps_as_the_merge_does_bit_for_bit() {
    let index = index();
    let mut t = index.tally();
    for side in 0..2 {
        for i in 0..index.len(side) {
            // Loading one clause after another clears the one before.
            index.load(side, i, &mut t);
            for j in 0..index.len(1 - side) {
                let (li, rj) = if side == 0 { (i, j) } else { (j, i) };
                let merged = index.overlap(li, rj);
                let loaded = index.overlap_loaded(&t, j);
                assert_eq!(merged.shared.to_bits(), loaded.shared.to_bits());
                assert_eq!(merged, loaded);
                assert_eq!(merged.score().to_bits(), index.score(li, rj).to_bits());
            }
        }
    }
}

#[test]
fn score_and_containment_come_from_the_shared_weight() {
    let index = index();
    // The same text on both sides would score 1; here the Union clause is part of its
    // longer counterpart.
    let o = index.overlap(1, 2);
    let (part_left, part_right) = o.containment();
    assert_eq!(part_left, 1.0);
    assert!(part_right < 1.0 && part_right > 0.5);
    assert!(o.score() > 0.5 && o.score() < 1.0);
    // The empty clause shares nothing and scores zero.
    assert_eq!(index.overlap(3, 0).score(), 0.0);
    assert_eq!(index.overlap(3, 0).containment(), (0.0, 0.0));
}

/// A draft of `n` clauses that all share the same words (every word held by all of them).
fn crowd(n: usize) -> WordIndex {
    let text = "kessa morrow tallin vesper quorra brindle";
    let right = vec![text; n];
    WordIndex::new(&[text], &right)
}

#[test]
fn a_crowded_clause_keeps_few_candidates_nearest_its_place() {
    let index = crowd(300);
    let mut t = index.tally();
    let got = index.shortlist(0, 0, 150, 50, &mut t);
    // At most CROWDED_MAX, all sharing every word, the nearest to the expected place
    // first (ties to the earlier clause).
    assert_eq!(got.len(), CROWDED_MAX);
    assert_eq!(&got[..5], &[150, 149, 151, 148, 152]);
    let mut sorted = got.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (142..158).collect::<Vec<u32>>());
    // Near either end of the draft the window is moved inside it, not cut.
    let got = index.shortlist(0, 0, 0, 50, &mut t);
    assert_eq!(got.len(), CROWDED_MAX);
    assert_eq!(got[0], 0);
    assert!(got.iter().all(|&j| (j as usize) < NARROW));
    let got = index.shortlist(0, 0, 300, 50, &mut t);
    assert!(got.iter().all(|&j| j as usize >= 300 - NARROW));
}

#[test]
fn a_clause_whose_words_are_rare_enough_is_not_bounded() {
    // Every word held by WINDOW clauses: nothing is crowded, the best `max` are taken in
    // draft order, as many as asked for.
    let index = crowd(WINDOW);
    let mut t = index.tally();
    let got = index.shortlist(0, 0, 100, 50, &mut t);
    assert_eq!(got, (0..50).collect::<Vec<u32>>());
    let got = index.shortlist(0, 0, 100, 200, &mut t);
    assert_eq!(got.len(), WINDOW);
}
