//! Weight tables on huge pages.
//!
//! The tagger and the parser read weights at scattered places in tables of several
//! megabytes, a hundred or more lookups per word. With 4 KiB pages most of those lookups also
//! miss the TLB, and the page walks cost about as much as the cache misses. A [`Table`] is a
//! fixed-length array that, when it is 2 MiB or larger, lives in an allocation aligned to a
//! 2 MiB boundary whose memory, on Linux, is advised as `MADV_HUGEPAGE` before it is first
//! written, so the kernel backs it with 2 MiB pages wherever transparent huge pages are
//! enabled ("always" or "madvise", the usual default). Smaller tables, other systems, and
//! kernels that refuse the advice get ordinary memory; the contents are the same.

use std::alloc::{self, Layout};
use std::fmt;
use std::ops::Deref;
use std::ptr::NonNull;

/// The size of a huge page on x86_64 and most aarch64 kernels.
const HUGE: usize = 2 << 20;

/// A fixed-length array of plain values, read through `Deref<Target = [T]>`.
pub(crate) struct Table<T: Copy> {
    store: Store<T>,
}

enum Store<T> {
    Plain(Vec<T>),
    /// `len` initialised values at `ptr`, in an allocation of `layout` (aligned to `HUGE`,
    /// its size a multiple of `HUGE`) that this table owns.
    Huge {
        ptr: NonNull<T>,
        len: usize,
        layout: Layout,
    },
}

// SAFETY: a `Huge` table owns its allocation exclusively, as a `Vec` does, and `T: Copy`
// values have no drop glue; sending or sharing the table is as safe as for `Vec<T>`.
unsafe impl<T: Copy + Send> Send for Table<T> {}
// SAFETY: as above; `&Table` only gives out `&[T]`.
unsafe impl<T: Copy + Sync> Sync for Table<T> {}

impl<T: Copy + Default> Table<T> {
    /// A table of `len` default values.
    pub fn filled(len: usize) -> Table<T> {
        Table::build(len, std::iter::repeat_n(T::default(), len))
    }

    /// A table holding `items`, which must be exactly `len` values (fewer are padded with
    /// defaults, more are dropped).
    pub fn collect(len: usize, items: impl IntoIterator<Item = T>) -> Table<T> {
        let padded = items.into_iter().chain(std::iter::repeat(T::default()));
        Table::build(len, padded.take(len))
    }

    fn build(len: usize, items: impl Iterator<Item = T>) -> Table<T> {
        let Some(layout) = huge_layout::<T>(len) else {
            return Table {
                store: Store::Plain(items.take(len).collect()),
            };
        };
        // SAFETY: `layout` has a non-zero size (at least `HUGE`).
        let raw = unsafe { alloc::alloc(layout) }.cast::<T>();
        let Some(ptr) = NonNull::new(raw) else {
            alloc::handle_alloc_error(layout)
        };
        advise(raw.cast(), layout.size());
        let mut written = 0;
        for v in items.take(len) {
            // SAFETY: `written < len`, and the allocation holds `len` values of `T` with
            // `T`'s alignment (it is aligned to `HUGE`, a multiple of any `T`'s alignment
            // that `huge_layout` accepted).
            unsafe { raw.add(written).write(v) };
            written += 1;
        }
        // `items` gives exactly `len` values (both callers pad or repeat); should one ever
        // give fewer, fill the rest so that every value in `..len` is initialised.
        while written < len {
            // SAFETY: as above.
            unsafe { raw.add(written).write(T::default()) };
            written += 1;
        }
        Table {
            store: Store::Huge { ptr, len, layout },
        }
    }

    /// The values, to fill in place.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.store {
            Store::Plain(v) => v,
            // SAFETY: `len` initialised values at `ptr`, owned by this table; `&mut self`
            // makes the borrow exclusive.
            Store::Huge { ptr, len, .. } => unsafe {
                std::slice::from_raw_parts_mut(ptr.as_ptr(), *len)
            },
        }
    }
}

/// The layout for a table of `len` values on huge pages: aligned to `HUGE`, its size rounded
/// up to whole huge pages. `None` for tables under one huge page, zero-sized values, sizes
/// that overflow, and systems other than Linux.
fn huge_layout<T>(len: usize) -> Option<Layout> {
    let size = size_of::<T>();
    if !cfg!(target_os = "linux") || size == 0 || !HUGE.is_multiple_of(align_of::<T>()) {
        return None;
    }
    let bytes = len.checked_mul(size)?;
    if bytes < HUGE {
        return None;
    }
    Layout::from_size_align(bytes.checked_next_multiple_of(HUGE)?, HUGE).ok()
}

#[cfg(target_os = "linux")]
fn advise(at: *mut u8, bytes: usize) {
    // SAFETY: the range is one whole allocation of ours, aligned to a huge page, that
    // nothing has written yet; MADV_HUGEPAGE only changes how the kernel backs those pages,
    // never their contents, and if it fails the memory stays as it was.
    unsafe {
        libc::madvise(at.cast(), bytes, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_at: *mut u8, _bytes: usize) {}

impl<T: Copy> Drop for Table<T> {
    fn drop(&mut self) {
        if let Store::Huge { ptr, layout, .. } = &self.store {
            // SAFETY: allocated in `build` with exactly this layout, and freed only here.
            unsafe { alloc::dealloc(ptr.as_ptr().cast(), *layout) };
        }
    }
}

impl<T: Copy> Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match &self.store {
            Store::Plain(v) => v,
            // SAFETY: `len` initialised values at `ptr`, owned by this table.
            Store::Huge { ptr, len, .. } => unsafe {
                std::slice::from_raw_parts(ptr.as_ptr(), *len)
            },
        }
    }
}

impl<T: Copy + Default> Clone for Table<T> {
    fn clone(&self) -> Table<T> {
        Table::collect(self.len(), self.iter().copied())
    }
}

impl<T: Copy + PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Table<T>) -> bool {
        **self == **other
    }
}

impl<T: Copy> fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Table({} values)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_what_they_are_given_at_any_size() {
        for len in [0usize, 3, 1 << 20, (3 << 20) + 7] {
            let t = Table::collect(len, (0..len).map(|i| i as u32));
            assert_eq!(t.len(), len);
            assert!(t.iter().enumerate().all(|(i, &v)| v == i as u32));
            assert_eq!(t.clone(), t);
            let mut z: Table<i16> = Table::filled(len);
            assert_eq!(z.len(), len);
            assert!(z.iter().all(|&v| v == 0));
            if let Some(last) = z.as_mut_slice().last_mut() {
                *last = 7;
                assert_eq!(z.last(), Some(&7));
            }
        }
        // Too few items are padded, too many cut.
        let t = Table::collect(4, [1u8, 2]);
        assert_eq!(&*t, [1, 2, 0, 0]);
        let t = Table::collect(2, [1u8, 2, 3]);
        assert_eq!(&*t, [1, 2]);
    }

    #[test]
    fn large_tables_start_on_a_huge_page() {
        let t: Table<i16> = Table::filled(4 << 20);
        if cfg!(target_os = "linux") {
            assert_eq!(t.as_ptr() as usize % HUGE, 0);
        }
        let small: Table<i16> = Table::filled(100);
        assert_eq!(small.len(), 100);
    }
}
