//! One sort for every list. Each `sort_by` call site instantiates the standard library's sort
//! anew (a few KB of wasm each, ~80 functions for the app's dozen call sites); here the
//! generic part is only a permutation, and the one real sort is over `u32` positions with a
//! `dyn` comparison. Stable, like `slice::sort_by`. The native-only sorts (reading a folder,
//! the validator's problems) keep the standard library's.

use std::cmp::Ordering;

/// Sort `v` by `cmp`, keeping equal elements in their order (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    // Put `v[order[i]]` at `i`, following each cycle of the permutation once.
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != u32::MAX {
            let next = order[at] as usize;
            order[at] = u32::MAX;
            if next == start {
                break;
            }
            v.swap(at, next);
            at = next;
        }
    }
}

/// Sort `v` in ascending order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_like_the_standard_library_and_is_stable() {
        let mut seed = 7u64;
        let mut random = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            (seed >> 60) as u8
        };
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            // Few distinct keys, so many ties: the second field shows the order was kept.
            let mut v: Vec<(u8, usize)> = (0..n).map(|i| (random(), i)).collect();
            let mut expected = v.clone();
            expected.sort_by(|a, b| b.0.cmp(&a.0));
            super::sort_by(&mut v, |a, b| b.0.cmp(&a.0));
            assert_eq!(v, expected);
            let mut plain: Vec<u8> = v.iter().map(|x| x.0).collect();
            super::sort(&mut plain);
            assert!(plain.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}
