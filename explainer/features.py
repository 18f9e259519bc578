"""Hand-written features of digits, the way people engineered them before deep learning.

Everything is batched over a uint8 tensor ``[N, 28, 28]`` (white ink on black) with tensor
operations; Python loops only run over a few fixed steps (bits, thinning rounds, holes), never over
images. One trick makes it fast: after binarization each row of 28 pixels is packed into one
integer (bit ``c`` = column ``c``), so a digit is 28 integers, moving the image one pixel sideways
is a bit shift, and one tensor operation handles 28 pixels at once.

Each feature can be explained in one sentence:

- ``holes``: enclosed loops, counted exactly: 4-connected background regions that do not touch the
  border (ink taken 8-connected, the standard pairing of digital topology);
- ``endpoints`` / ``junctions`` / ``strokes``: on a one-pixel skeleton (Zhang-Suen thinning), the
  pixels where a stroke ends, where three or more branches meet, and an estimate of the number of
  strokes between them;
- scanline crossings, bounding-box aspect ratio, ink density, symmetry, centroid and ink per zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import torch

from explainer import perf

# A pixel is ink when its value is at least half of 255: MNIST's anti-aliased edge pixels count as
# ink only when the pen covered more than half of them. No smoothing before the topology features.
INK_THRESHOLD = 128
SIZE = 28
FULL = (1 << SIZE) - 1  # a row with all 28 bits set
ZONES = 3  # ink share in a ZONES x ZONES grid over the bounding box
SCAN_FRACTIONS = (0.2, 0.35, 0.5, 0.65, 0.8)  # scanline positions, as fractions of the box
_BITS = torch.arange(SIZE, dtype=torch.int32)

# ---------------------------------------------------------------------------------------------
# Step 1: binarize, and pack each row into one integer


def binarize(images: torch.Tensor) -> torch.Tensor:
    """uint8 ``[N, 28, 28]`` -> bool ink mask ``[N, 28, 28]``: ink where value >= INK_THRESHOLD."""
    if images.ndim == 2:
        images = images.unsqueeze(0)
    return images >= INK_THRESHOLD


def pack(ink: torch.Tensor) -> torch.Tensor:
    """bool ``[N, 28, 28]`` -> int32 ``[N, 28]``: each row as one integer, bit c = column c."""
    return (ink.to(torch.int32) << _BITS).sum(-1, dtype=torch.int32)


def unpack(rows: torch.Tensor) -> torch.Tensor:
    """int32 ``[N, 28]`` -> bool ``[N, 28, 28]``: the inverse of :func:`pack`."""
    return (rows.unsqueeze(-1) >> _BITS) & 1 == 1


def popcount(rows: torch.Tensor) -> torch.Tensor:
    """Number of set bits of each int32 (values below 2**28): the classic SWAR bit count."""
    x = rows - ((rows >> 1) & 0x55555555)
    x = (x & 0x33333333) + ((x >> 2) & 0x33333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F
    x = x + (x >> 8)
    return (x + (x >> 16)) & 0x3F


# Moving a packed image by one pixel: sideways is a bit shift, up/down is a shift of the rows.


def east(rows: torch.Tensor, k: int = 1) -> torch.Tensor:
    """Each pixel gets the value of the pixel ``k`` columns to its right (zeros come in)."""
    return rows >> k


def west(rows: torch.Tensor, k: int = 1) -> torch.Tensor:
    """Each pixel gets the value of the pixel ``k`` columns to its left."""
    return (rows << k) & FULL


def north(rows: torch.Tensor, k: int = 1) -> torch.Tensor:
    """Each pixel gets the value of the pixel ``k`` rows above it."""
    return torch.cat([torch.zeros_like(rows[:, :k]), rows[:, :-k]], 1)


def south(rows: torch.Tensor, k: int = 1) -> torch.Tensor:
    """Each pixel gets the value of the pixel ``k`` rows below it."""
    return torch.cat([rows[:, k:], torch.zeros_like(rows[:, :k])], 1)


def neighbours(rows: torch.Tensor) -> list[torch.Tensor]:
    """The eight neighbour planes P2..P9 of Zhang and Suen: N, NE, E, SE, S, SW, W, NW."""
    up, down = north(rows), south(rows)
    return [up, east(up), east(rows), east(down), down, west(down), west(rows), west(up)]


def at_least(planes: list[torch.Tensor], k: int) -> torch.Tensor:
    """Bits set in at least ``k`` (1, 2, 3 or 4) of the planes, counted bit-parallel."""
    counters = [torch.zeros_like(planes[0]) for _ in range(k)]  # counters[j]: seen > j times
    for plane in planes:
        for j in range(k - 1, 0, -1):
            counters[j] = counters[j] | (counters[j - 1] & plane)
        counters[0] = counters[0] | plane
    return counters[k - 1]


# ---------------------------------------------------------------------------------------------
# Step 2: holes, by flood fill from the border


def flood(seeds: torch.Tensor, passable: torch.Tensor, eight: bool = False) -> torch.Tensor:
    """Every passable pixel connected to a seed (4-connected, or 8-connected): packed in and out.

    Each round spreads the fill along whole runs in every direction (by doubling: 1, 2, 4, 8, 16
    pixels at a time, only across passable pixels); images stop taking part once a round adds
    nothing to them.
    """
    moves = [east, west, north, south]
    if eight:
        moves += [
            lambda x, k: north(east(x, k), k),
            lambda x, k: north(west(x, k), k),
            lambda x, k: south(east(x, k), k),
            lambda x, k: south(west(x, k), k),
        ]
    filled = seeds & passable
    active = torch.arange(len(filled))  # images whose fill may still grow
    while len(active):
        part, gates = filled[active], passable[active]  # (A, 28)
        before = part
        for move in moves:
            gate = gates  # gate: the k pixels on the way are all passable
            for k in (1, 2, 4, 8, 16):
                part = part | (move(part, k) & gate)
                gate = gate & move(gate, k)
        filled[active] = part
        active = active[(part != before).any(1)]
    return filled


def border(rows: torch.Tensor) -> torch.Tensor:
    """The pixels of the image's outer frame, as a packed mask like ``rows``."""
    frame = torch.full_like(rows, 1 | (1 << (SIZE - 1)))
    frame[:, 0] = FULL
    frame[:, -1] = FULL
    return frame


def lowest_pixel(rows: torch.Tensor) -> torch.Tensor:
    """One pixel of each non-empty packed image (the first set bit of its first non-empty row)."""
    nonzero = rows != 0  # (N, 28)
    first = nonzero.to(torch.int8).argmax(1, keepdim=True)  # (N, 1)
    word = rows.gather(1, first)
    seed = torch.zeros_like(rows)
    return seed.scatter_(1, first, word & -word)


@dataclass(frozen=True)
class Holes:
    """The holes of a batch: how many, and each one as a packed mask, largest first per image."""

    count: torch.Tensor  # (N,) int64
    masks: list[torch.Tensor]  # each (N, 28) packed, empty where an image has fewer holes
    areas: torch.Tensor  # (N, H) int, H = len(masks), sorted by area per image
    rows: torch.Tensor  # (N, H) float, centroid row of each hole (0..27)


def find_holes(ink: torch.Tensor) -> Holes:
    """Holes of packed ink: fill the background from the border; what stays dry is enclosed.

    Then take the enclosed pixels apart one region at a time (flood from one pixel of what
    remains) to count them and measure each one.
    """
    background = ~ink & FULL
    outside = flood(border(ink), background)
    remaining = background & ~outside  # (N, 28) the enclosed background
    row_index = torch.arange(SIZE, dtype=torch.float32)
    masks, areas, centroids = [], [], []
    while bool((remaining != 0).any()):
        hole = torch.zeros_like(remaining)
        left = (remaining != 0).any(1).nonzero().flatten()  # images with enclosed pixels left
        hole[left] = flood(lowest_pixel(remaining[left]), remaining[left])
        per_row = popcount(hole)  # (N, 28)
        area = per_row.sum(1)
        masks.append(hole)
        areas.append(area)
        centroids.append((per_row * row_index).sum(1) / area.clamp(min=1))
        remaining = remaining & ~hole
    n = ink.shape[0]
    if not masks:
        zeros = torch.zeros(n, 1)
        return Holes(torch.zeros(n, dtype=torch.int64), [torch.zeros_like(ink)], zeros, zeros)
    area = torch.stack(areas, 1)  # (N, H)
    order = area.argsort(dim=1, descending=True, stable=True)
    stacked = torch.stack(masks, 1).gather(1, order.unsqueeze(-1).expand(-1, -1, SIZE))
    return Holes(
        count=(area > 0).sum(1),
        masks=list(stacked.unbind(1)),
        areas=area.gather(1, order),
        rows=torch.stack(centroids, 1).gather(1, order),
    )


# ---------------------------------------------------------------------------------------------
# Step 3: the skeleton (Zhang-Suen thinning) and its endpoints and junctions


def transitions(planes: list[torch.Tensor]) -> list[torch.Tensor]:
    """Where the circle P2, P3, ..., P9, P2 steps from background to ink (one plane per step)."""
    return [~planes[k] & planes[(k + 1) % 8] & FULL for k in range(8)]


def zhang_suen_step(skeleton: torch.Tensor, first: bool) -> torch.Tensor:
    """The pixels one Zhang-Suen sub-iteration deletes (packed).

    A pixel goes when it has 2 to 6 ink neighbours, exactly one background-to-ink step around
    it (so deleting it cannot split a stroke), and it lies on the east/south side (first pass) or
    on the north/west side (second pass) of the stroke.
    """
    p2, p3, p4, p5, p6, p7, p8, p9 = planes = neighbours(skeleton)
    steps = transitions(planes)
    two_to_six = at_least(planes, 2) & at_least([~p & FULL for p in planes], 2)
    one_step = at_least(steps, 1) & ~at_least(steps, 2)
    if first:
        side = ~(p2 & p4 & p6) & ~(p4 & p6 & p8)
    else:
        side = ~(p2 & p4 & p8) & ~(p2 & p6 & p8)
    return skeleton & two_to_six & one_step & side


def skeletonize(ink: torch.Tensor, max_rounds: int = 30) -> torch.Tensor:
    """Zhang-Suen thinning of packed ink ``[N, 28]`` to one-pixel-wide strokes (packed).

    Rounds repeat only for the images that still changed in the last round. Thinning removes an
    isolated 2x2 square entirely (a known quirk of Zhang-Suen), so a piece of ink left without
    any skeleton gets one pixel back: thinning never removes a connected piece of ink.
    """
    skeleton = ink.clone()
    active = torch.arange(len(ink))  # images still being thinned
    for _ in range(max_rounds):
        part = skeleton[active]  # (A, 28)
        changed = torch.zeros(len(active), dtype=torch.bool)
        for first in (True, False):
            gone = zhang_suen_step(part, first)
            changed |= (gone != 0).any(1)
            part = part & ~gone
        skeleton[active] = part
        active = active[changed]
        if not len(active):
            break
    lost = ink & ~flood(skeleton, ink, eight=True)  # pieces of ink with no skeleton left
    while bool((lost != 0).any()):
        pixel = lowest_pixel(lost)
        skeleton = skeleton | pixel
        lost = lost & ~flood(pixel, lost, eight=True)
    return skeleton


@dataclass(frozen=True)
class SkeletonPoints:
    """Endpoints and junctions of a packed skeleton."""

    endpoints: torch.Tensor  # (N, 28) packed: a stroke ends here
    junctions: torch.Tensor  # (N, 28) packed: three or more branches leave this pixel
    junction_count: torch.Tensor  # (N,) int64: junctions, touching junction pixels counted once
    branches: torch.Tensor  # (N,) int64: branches leaving all junctions together


def skeleton_points(skeleton: torch.Tensor) -> SkeletonPoints:
    """Endpoints and junctions from the crossing number (background-to-ink steps around a pixel).

    An endpoint has one step and at most two neighbours (which then touch each other); a junction
    has three or more steps. Touching junction pixels are one junction: count only those with no
    junction pixel to their west, north-west, north or north-east.
    """
    planes = neighbours(skeleton)
    steps = transitions(planes)
    endpoints = skeleton & at_least(steps, 1) & ~at_least(steps, 2) & ~at_least(planes, 3)
    junctions = skeleton & at_least(steps, 3)
    four = junctions & at_least(steps, 4)
    earlier = west(junctions) | north(junctions) | west(north(junctions)) | east(north(junctions))
    first = junctions & ~earlier  # one pixel per cluster of touching junction pixels
    junction_count = popcount(first).sum(1)
    return SkeletonPoints(
        endpoints=endpoints,
        junctions=junctions,
        junction_count=junction_count.long(),
        branches=(3 * junction_count + popcount(first & four).sum(1)).long(),
    )


# ---------------------------------------------------------------------------------------------
# Step 4: bounding box, scanlines, symmetry, zones


def _highest_bit(x: torch.Tensor) -> torch.Tensor:
    """Index of the highest set bit of each positive int (float64 log2 is exact here)."""
    return torch.log2(x.clamp(min=1).double()).floor().long()


def bounding_box(ink: torch.Tensor) -> torch.Tensor:
    """Per packed image (top, bottom, left, right), inclusive; an empty image gets the frame."""
    n = ink.shape[0]
    nonzero = ink != 0  # (N, 28)
    r = torch.arange(SIZE)
    top = torch.where(nonzero, r, SIZE).min(1).values
    bottom = torch.where(nonzero, r, -1).max(1).values
    columns = ink[:, 0]
    for row in range(1, SIZE):  # OR of the 28 rows: every column that has ink
        columns = columns | ink[:, row]
    left = _highest_bit(columns & -columns)
    right = _highest_bit(columns)
    box = torch.stack([top, bottom, left, right], 1)  # (N, 4)
    return torch.where(nonzero.any(1).view(n, 1), box, torch.tensor([0, SIZE - 1, 0, SIZE - 1]))


def scanline_positions(box: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Rows and columns of the scanlines, at SCAN_FRACTIONS of each bounding box: (N, K) each."""
    fractions = torch.tensor(SCAN_FRACTIONS)
    top, bottom, left, right = box.unbind(1)
    rows = top.view(-1, 1) + (fractions * (bottom - top).view(-1, 1)).round().long()
    cols = left.view(-1, 1) + (fractions * (right - left).view(-1, 1)).round().long()
    return rows, cols


def run_starts(rows: torch.Tensor) -> torch.Tensor:
    """Pixels where a horizontal run of ink begins (ink with no ink to its left), packed."""
    return rows & ~west(rows)


def scanline_crossings(ink: torch.Tensor, box: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """How many strokes each horizontal and each vertical scanline crosses: (N, K) each."""
    rows, cols = scanline_positions(box)
    horizontal = popcount(run_starts(ink.gather(1, rows)))  # (N, K)
    column_bits = (ink.unsqueeze(1) >> cols.unsqueeze(-1).to(torch.int32)) & 1  # (N, K, 28)
    starts = column_bits[..., 1:] & ~column_bits[..., :-1]
    vertical = starts.sum(-1) + column_bits[..., 0]
    return horizontal.long(), vertical.long()


@lru_cache(maxsize=1)
def _reverse14() -> torch.Tensor:
    """Bit reversal of every 14-bit number."""
    values = torch.arange(1 << 14, dtype=torch.int32)
    return sum(((values >> b) & 1) << (13 - b) for b in range(14))


def mirror_columns(ink: torch.Tensor, box: torch.Tensor) -> torch.Tensor:
    """Packed ink mirrored left-right about the vertical centre line of each bounding box."""
    table = _reverse14()
    reversed_rows = (table[ink & 0x3FFF] << 14) | table[ink >> 14]  # column c -> 27 - c
    shift = (SIZE - 1 - box[:, 2] - box[:, 3]).to(torch.int32).view(-1, 1)  # (N, 1)
    right = reversed_rows >> shift.clamp(min=0)
    left = (reversed_rows << (-shift).clamp(min=0)) & FULL
    return torch.where(shift >= 0, right, left)


def mirror_rows(ink: torch.Tensor, box: torch.Tensor) -> torch.Tensor:
    """Packed ink mirrored top-bottom about the horizontal centre line of each bounding box."""
    index = (box[:, 0] + box[:, 1]).view(-1, 1) - torch.arange(SIZE).view(1, SIZE)  # (N, 28)
    flipped = ink.gather(1, index.clamp(0, SIZE - 1))
    return torch.where((index >= 0) & (index < SIZE), flipped, 0)


def zone_ink(ink: torch.Tensor, box: torch.Tensor, zones: int = ZONES) -> torch.Tensor:
    """Share of each cell of a zones x zones grid over the bounding box that is ink: (N, Z*Z)."""
    n = ink.shape[0]
    top, bottom, left, right = (v.view(n, 1) for v in box.unbind(1))
    cuts = torch.arange(zones + 1).view(1, -1)
    row_cuts = top + (cuts * (bottom - top + 1)).div(zones, rounding_mode="floor")  # (N, Z+1)
    col_cuts = left + (cuts * (right - left + 1)).div(zones, rounding_mode="floor")
    # Ink of each row in each column band: mask the row's bits to the band, count them.
    low = (1 << col_cuts[:, :-1]) - 1
    high = (1 << col_cuts[:, 1:]) - 1
    bands = (high - low).to(torch.int32)  # (N, Z) bit masks of the column bands
    per_row = popcount(ink.unsqueeze(-1) & bands.unsqueeze(1))  # (N, 28, Z)
    cumulative = torch.cat([torch.zeros(n, 1, zones), per_row.float().cumsum(1)], 1)
    at_cuts = cumulative.gather(1, row_cuts.unsqueeze(-1).expand(-1, -1, zones))  # (N, Z+1, Z)
    ink_in = at_cuts[:, 1:] - at_cuts[:, :-1]  # (N, Z, Z)
    heights = (row_cuts[:, 1:] - row_cuts[:, :-1]).view(n, zones, 1)
    widths = (col_cuts[:, 1:] - col_cuts[:, :-1]).view(n, 1, zones)
    return (ink_in / (heights * widths).clamp(min=1)).reshape(n, zones * zones)


# ---------------------------------------------------------------------------------------------
# Everything together


def _position(value: torch.Tensor, lo: torch.Tensor, hi: torch.Tensor) -> torch.Tensor:
    """Where ``value`` lies from ``lo`` to ``hi``, as 0..1."""
    return (value - lo) / (hi - lo).clamp(min=1)


def _mean_row(mask: torch.Tensor) -> torch.Tensor:
    """Mean row of the pixels of a packed mask; NaN where it has none."""
    per_row = popcount(mask).float()  # (N, 28)
    return (per_row * torch.arange(SIZE)).sum(1) / per_row.sum(1)


@lru_cache(maxsize=1)
def _column_sums14() -> torch.Tensor:
    """For every 14-bit number, the sum of the positions of its set bits."""
    values = torch.arange(1 << 14, dtype=torch.int32)
    return sum(((values >> b) & 1) * b for b in range(14))


def _mean_column(mask: torch.Tensor) -> torch.Tensor:
    """Mean column of the pixels of a packed mask; NaN where it has none."""
    table = _column_sums14()
    high = mask >> 14
    sums = table[mask & 0x3FFF] + table[high] + 14 * popcount(high)
    return sums.sum(1).float() / popcount(mask).sum(1).float()


def _below(cut: torch.Tensor) -> torch.Tensor:
    """Packed row mask of the columns left of ``cut`` (N,), for every row: (N, 1)."""
    return ((1 << cut.long().clamp(0, SIZE)) - 1).to(torch.int32).view(-1, 1)


def extract(images: torch.Tensor) -> pd.DataFrame:
    """All hand-made features of a uint8 ``[N, 28, 28]`` batch: one row per image."""
    if images.ndim == 2:
        images = images.unsqueeze(0)
    if images.dtype != torch.uint8 or tuple(images.shape[1:]) != (SIZE, SIZE):
        raise ValueError(f"images must be uint8 [N, 28, 28], got {images.dtype} {images.shape}")
    # One thread: extraction is hundreds of tiny operations. Split across threads, each one waits
    # for a second core; on a busy machine (other users, a training run) that wait costs 10-100x
    # the work.
    with perf.torch_threads(1):
        columns = _extract_columns(images)
    return pd.DataFrame({name: value.numpy() for name, value in columns.items()})


def _extract_columns(images: torch.Tensor) -> dict[str, torch.Tensor]:
    """The features of one chunk, as named tensors ``[N]``."""
    ink = pack(binarize(images))  # (N, 28)
    box = bounding_box(ink)  # (N, 4)
    top, bottom, left, right = (v.float() for v in box.unbind(1))
    height, width = bottom - top + 1, right - left + 1

    holes = find_holes(ink)
    skeleton = skeletonize(ink)
    points = skeleton_points(skeleton)
    ends = points.endpoints
    endpoints = popcount(ends).sum(1).long()
    # Each endpoint starts one branch and each junction sends out several, each branch counted
    # from both of its ends; a skeleton with neither (a ring) is still one stroke.
    strokes = torch.div(endpoints + points.branches + 1, 2, rounding_mode="floor")
    strokes = torch.where((strokes == 0) & (skeleton != 0).any(1), 1, strokes)
    h_cross, v_cross = scanline_crossings(ink, box)
    mid_row = ((top + bottom) / 2).view(-1, 1)
    row_index = torch.arange(SIZE).view(1, SIZE)
    mid_col = (left + right) / 2
    ink_count = popcount(ink).sum(1).float()
    hole_areas = holes.areas.float()
    hole_pos = _position(holes.rows, top.view(-1, 1), bottom.view(-1, 1))  # (N, H), 0 = top
    real = holes.areas > 0  # (N, H)
    hole_y = hole_pos
    if hole_areas.shape[1] < 2:
        hole_areas = torch.cat([hole_areas, torch.zeros(len(ink), 1)], 1)
        hole_y = torch.cat([hole_y, torch.zeros(len(ink), 1)], 1)

    columns: dict[str, torch.Tensor] = {
        "holes": holes.count,
        "endpoints": endpoints,
        "junctions": points.junction_count,
        "strokes": strokes,
        "holes_big": (holes.areas >= 4).sum(1),
        "holes_top": (real & (hole_pos < 1 / 3)).sum(1),
        "holes_middle": (real & (hole_pos >= 1 / 3) & (hole_pos <= 2 / 3)).sum(1),
        "holes_bottom": (real & (hole_pos > 2 / 3)).sum(1),
        "hole1_area": hole_areas[:, 0],
        "hole1_y": torch.where(hole_areas[:, 0] > 0, hole_y[:, 0], -1.0),
        "hole2_area": hole_areas[:, 1],
        "hole2_y": torch.where(hole_areas[:, 1] > 0, hole_y[:, 1], -1.0),
        "endpoints_top": popcount(torch.where(row_index < mid_row, ends, 0)).sum(1),
        "endpoints_bottom": popcount(torch.where(row_index > mid_row, ends, 0)).sum(1),
        "endpoints_left": popcount(ends & _below(mid_col.ceil())).sum(1),
        "endpoints_right": popcount(ends & ~_below(mid_col.floor() + 1)).sum(1),
        "endpoint_y": _position(_mean_row(ends), top, bottom).nan_to_num(-1.0),
        "endpoint_x": _position(_mean_column(ends), left, right).nan_to_num(-1.0),
        "junction_y": _position(_mean_row(points.junctions), top, bottom).nan_to_num(-1.0),
        "aspect": height / width,
        "height": height,
        "width": width,
        "density": ink_count / (height * width),
        "ink": ink_count,
        "skeleton_length": popcount(skeleton).sum(1),
        "symmetry_lr": popcount(ink & mirror_columns(ink, box)).sum(1) / ink_count.clamp(min=1),
        "symmetry_tb": popcount(ink & mirror_rows(ink, box)).sum(1) / ink_count.clamp(min=1),
        "centroid_y": _position(_mean_row(ink), top, bottom).nan_to_num(0.5),
        "centroid_x": _position(_mean_column(ink), left, right).nan_to_num(0.5),
    }
    for k, fraction in enumerate(SCAN_FRACTIONS):
        columns[f"h_cross_{round(fraction * 100)}"] = h_cross[:, k]
    for k, fraction in enumerate(SCAN_FRACTIONS):
        columns[f"v_cross_{round(fraction * 100)}"] = v_cross[:, k]
    zones = zone_ink(ink, box)
    for z in range(ZONES * ZONES):
        columns[f"zone_{z // ZONES}{z % ZONES}"] = zones[:, z]
    return columns


COUNT_COLUMNS: tuple[str, ...] = ("holes", "endpoints", "junctions", "strokes")


# ---------------------------------------------------------------------------------------------
# The steps on one digit, as pictures

# The functions a reader should see to understand the pictures, in the order they run.
STEP_FUNCTIONS = (
    binarize,
    pack,
    flood,
    find_holes,
    zhang_suen_step,
    skeletonize,
    skeleton_points,
    scanline_crossings,
)


@dataclass(frozen=True)
class Steps:
    """Every intermediate picture of one digit: what the page shows, step by step."""

    ink: torch.Tensor  # (28, 28) bool
    holes: torch.Tensor  # (28, 28) int64: 0, or 1, 2, ... numbering the holes, largest first
    skeleton: torch.Tensor  # (28, 28) bool
    endpoints: torch.Tensor  # (28, 28) bool
    junctions: torch.Tensor  # (28, 28) bool
    scan_rows: list[int]
    scan_cols: list[int]
    row_crossings: list[int]
    col_crossings: list[int]


def steps(image: torch.Tensor) -> Steps:
    """Run each step of :func:`extract` on one uint8 ``[28, 28]`` digit and keep the pictures."""
    ink = pack(binarize(image))  # (1, 28)
    holes = find_holes(ink)
    numbered = torch.zeros(SIZE, SIZE, dtype=torch.int64)
    for number, mask in enumerate(holes.masks, start=1):  # a digit has a handful of holes
        numbered[unpack(mask)[0]] = number
    skeleton = skeletonize(ink)
    points = skeleton_points(skeleton)
    box = bounding_box(ink)
    rows, cols = scanline_positions(box)
    h_cross, v_cross = scanline_crossings(ink, box)
    return Steps(
        ink=unpack(ink)[0],
        holes=numbered,
        skeleton=unpack(skeleton)[0],
        endpoints=unpack(points.endpoints)[0],
        junctions=unpack(points.junctions)[0],
        scan_rows=rows[0].tolist(),
        scan_cols=cols[0].tolist(),
        row_crossings=h_cross[0].tolist(),
        col_crossings=v_cross[0].tolist(),
    )
