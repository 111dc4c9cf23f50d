//! Tests of `PoolAlloc`, called directly (the test binary itself allocates
//! through `System`): every size and alignment round-trips with its
//! contents, blocks cross threads, and thread churn and producer/consumer
//! traffic keep the pool's memory bounded.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::mpsc;

use super::pool_alloc::{pool_bytes, PoolAlloc, MAX_SMALL};

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).expect("valid test layout")
}

/// Allocates `size` bytes filled with `seed`-derived bytes; returns the address.
fn filled(size: usize, align: usize, seed: u8) -> usize {
    let p = unsafe { PoolAlloc.alloc(layout(size, align)) };
    assert!(!p.is_null());
    assert_eq!(p as usize % align, 0, "size {size} align {align}");
    for i in 0..size {
        unsafe { p.add(i).write(seed.wrapping_add(i as u8)) };
    }
    p as usize
}

fn check_and_free(p: usize, size: usize, align: usize, seed: u8) {
    let p = p as *mut u8;
    for i in 0..size {
        assert_eq!(unsafe { p.add(i).read() }, seed.wrapping_add(i as u8), "size {size} byte {i}");
    }
    unsafe { PoolAlloc.dealloc(p, layout(size, align)) };
}

#[test]
fn every_size_and_alignment_keeps_its_bytes() {
    for align in [1, 2, 8, 16, 64] {
        let blocks: Vec<(usize, usize)> = (1..=MAX_SMALL + 40).map(|size| (size, filled(size, align, size as u8))).collect();
        for (size, p) in blocks {
            check_and_free(p, size, align, size as u8);
        }
    }
}

#[test]
fn live_blocks_never_overlap() {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for round in 0..3000 {
        let size = 1 + (round * 37) % MAX_SMALL;
        spans.push((filled(size, 8, 0), size));
    }
    let mut sorted = spans.clone();
    sorted.sort();
    for pair in sorted.windows(2) {
        assert!(pair[0].0 + pair[0].1 <= pair[1].0, "blocks overlap");
    }
    for (p, size) in spans {
        check_and_free(p, size, 8, 0);
    }
}

#[test]
fn zeroed_blocks_are_zero_even_when_reused() {
    for size in [16, 56, 100, 512, 513, 4096] {
        let dirty = filled(size, 8, 0xAB);
        check_and_free(dirty, size, 8, 0xAB);
        let p = unsafe { PoolAlloc.alloc_zeroed(layout(size, 8)) };
        assert!((0..size).all(|i| unsafe { p.add(i).read() } == 0), "size {size}");
        unsafe { PoolAlloc.dealloc(p, layout(size, 8)) };
    }
}

#[test]
fn realloc_keeps_the_prefix_across_classes_and_to_the_system() {
    let sizes = [1, 8, 16, 17, 56, 64, 200, 512, 513, 2000, 300, 24, 3];
    let mut size = sizes[0];
    let mut p = filled(size, 8, 7) as *mut u8;
    for &next in &sizes[1..] {
        p = unsafe { PoolAlloc.realloc(p, layout(size, 8), next) };
        assert!(!p.is_null());
        let kept = size.min(next);
        assert!((0..kept).all(|i| unsafe { p.add(i).read() } == 7u8.wrapping_add(i as u8)), "{size} -> {next}");
        for i in 0..next {
            unsafe { p.add(i).write(7u8.wrapping_add(i as u8)) };
        }
        size = next;
    }
    check_and_free(p as usize, size, 8, 7);
}

#[test]
fn blocks_freed_by_other_threads_and_producer_consumer_stay_bounded() {
    let round = |items: usize| {
        let (send, receive) = mpsc::sync_channel::<(usize, usize, u8)>(256);
        let producers: Vec<_> = (0..3)
            .map(|t| {
                let send = send.clone();
                std::thread::spawn(move || {
                    for i in 0..items {
                        let size = 16 + (i * 8 + t * 24) % 200;
                        send.send((filled(size, 8, i as u8), size, i as u8)).expect("consumer alive");
                    }
                })
            })
            .collect();
        drop(send);
        let consumer = std::thread::spawn(move || {
            let mut n = 0;
            for (p, size, seed) in receive {
                check_and_free(p, size, 8, seed);
                n += 1;
            }
            n
        });
        for p in producers {
            p.join().expect("producer");
        }
        assert_eq!(consumer.join().expect("consumer"), 3 * items);
    };
    round(20_000);
    let after_first = pool_bytes();
    for _ in 0..5 {
        round(20_000);
    }
    // Freed blocks are reused by the next round's producers; other tests
    // running meanwhile may add a few chunks, never one per round's worth.
    assert!(pool_bytes() <= after_first + (4 << 20), "{} -> {}", after_first, pool_bytes());
}

#[test]
fn thread_churn_returns_each_threads_lists() {
    let churn = || {
        for _ in 0..50 {
            let threads: Vec<_> = (0..4)
                .map(|t| {
                    std::thread::spawn(move || {
                        let kept: Vec<(usize, usize)> =
                            (0..500).map(|i| (filled(24 + (i + t) % 300, 8, t as u8), 24 + (i + t) % 300)).collect();
                        for (p, size) in kept {
                            check_and_free(p, size, 8, t as u8);
                        }
                    })
                })
                .collect();
            for t in threads {
                t.join().expect("churn thread");
            }
        }
    };
    churn();
    let after_first = pool_bytes();
    churn();
    churn();
    assert!(pool_bytes() <= after_first + (4 << 20), "{} -> {}", after_first, pool_bytes());
}
