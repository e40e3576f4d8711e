//! Splitting independent work over the cores, with plain scoped threads.
//!
//! The machines peacediff runs on have a few cores and the work is coarse (word diffs of
//! thousands of rows, candidate searches over thousands of clauses), so one contiguous chunk
//! per core is enough; results keep their input order, so output never depends on timing.
//! Small inputs run on the calling thread: starting a thread costs more than they do.

use std::ops::Range;

fn threads_for(n: usize, min_len: usize) -> usize {
    if n < min_len {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, |c| c.get())
        .min(n)
        .max(1)
}

/// `f` over `0..n` cut into one range per core (a single call below `min_len`), the results
/// concatenated in range order.
pub(crate) fn flat_map_ranges<R: Send>(
    n: usize,
    min_len: usize,
    f: impl Fn(Range<usize>) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = threads_for(n, min_len);
    if threads <= 1 {
        return f(0..n);
    }
    let chunk = n.div_ceil(threads);
    let starts: Vec<usize> = (0..n).step_by(chunk).collect();
    let (last, others) = starts.split_last().expect("n > 0 when threads > 1");
    std::thread::scope(|scope| {
        // The calling thread takes the last range itself: one thread fewer to start, and its
        // allocator already holds memory it can reuse.
        let handles: Vec<_> = others
            .iter()
            .map(|&start| {
                let f = &f;
                scope.spawn(move || f(start..start + chunk))
            })
            .collect();
        let tail = f(*last..n);
        let mut out = Vec::new();
        for h in handles {
            match h.join() {
                Ok(mut part) => out.append(&mut part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out.extend(tail);
        out
    })
}

/// `f` on every item, the items cut into one chunk per core (all on this thread below
/// `min_len`).
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], min_len: usize, f: impl Fn(&mut T) + Sync) {
    let threads = threads_for(items.len(), min_len);
    if threads <= 1 {
        items.iter_mut().for_each(f);
        return;
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts: Vec<&mut [T]> = items.chunks_mut(chunk).collect();
    let last = parts.pop().expect("items are not empty when threads > 1");
    std::thread::scope(|scope| {
        for part in parts {
            let f = &f;
            scope.spawn(move || part.iter_mut().for_each(f));
        }
        // The calling thread takes the last chunk (see `flat_map_ranges`).
        last.iter_mut().for_each(&f);
    });
}

/// `f` on every item, results in order (all on this thread below `min_len`).
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    min_len: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    flat_map_ranges(items.len(), min_len, |range| {
        items[range].iter().map(&f).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_everything_once_in_order() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let got = flat_map_ranges(n, 0, |r| r.collect::<Vec<_>>());
            assert_eq!(got, (0..n).collect::<Vec<_>>(), "n = {n}");
        }
    }

    #[test]
    fn map_keeps_order_and_for_each_mut_touches_every_item_once() {
        let items: Vec<u32> = (0..5000).collect();
        assert_eq!(
            map(&items, 0, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        let mut v = items.clone();
        for_each_mut(&mut v, 0, |x| *x += 1);
        assert!(v.iter().zip(&items).all(|(a, b)| *a == b + 1));
    }
}
