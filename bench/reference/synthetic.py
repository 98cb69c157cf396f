"""The synthetic corpus and the trainer's random draws, bit for bit as bench/train_throughput.cpp
and core/model/src/bert_mlp_trainer.cpp make them, so that the reference trains on the same
batches (same prefixes, same negatives, hence the same unique items through the encoder)."""
import bisect

MASK64 = (1 << 64) - 1
DATA_SEED = 0x5EEDDA7A


def mix(seed, counter):
    """splitmix64 of (seed, counter): srw::model::mixSeed."""
    z = (seed + 0x9E3779B97F4A7C15 * (counter + 1)) & MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def unit(x):
    """A uniform double in [0, 1) from 53 bits, as the C++ side computes it."""
    return float(x >> 11) * 2.0 ** -53


class Mt19937_64:
    """std::mt19937_64 (the C++ standard fixes its output sequence)."""

    def __init__(self, seed):
        mt = [seed & MASK64]
        for i in range(1, 312):
            prev = mt[-1]
            mt.append((6364136223846793005 * (prev ^ (prev >> 62)) + i) & MASK64)
        self.mt, self.i = mt, 312

    def _twist(self):
        mt = self.mt
        for i in range(312):
            x = (mt[i] & 0xFFFFFFFF80000000) | (mt[(i + 1) % 312] & 0x7FFFFFFF)
            xa = x >> 1
            if x & 1:
                xa ^= 0xB5026F5AA96619E9
            mt[i] = mt[(i + 156) % 312] ^ xa
        self.i = 0

    def __call__(self):
        if self.i >= 312:
            self._twist()
        x = self.mt[self.i]
        self.i += 1
        x ^= (x >> 29) & 0x5555555555555555
        x ^= (x << 17) & 0x71D67FFFEDA60000
        x ^= (x << 37) & 0xFFF7EEE000000000
        x ^= x >> 43
        return x & MASK64


def self_check():
    """The standard's check value: the 10000th output of a default-seeded mt19937_64."""
    r = Mt19937_64(5489)
    for _ in range(9999):
        r()
    assert r() == 9981545732273789042, "Mt19937_64 does not match std::mt19937_64"


def mix_array(seed, counters):
    """mix() over a numpy uint64 array (wrapping arithmetic, as in C++)."""
    import numpy as np
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.uint64(0x9E3779B97F4A7C15) * (counters.astype(np.uint64) + np.uint64(1))
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def item_tokens(num_items, item_tokens, vocab):
    """Each item's text as token ids: exactly item_tokens - 2 words ("w<id>", one token each)."""
    import numpy as np
    words = item_tokens - 2
    counters = np.arange(num_items, dtype=np.uint64)[:, None] * np.uint64(4096) + np.arange(words, dtype=np.uint64)[None, :]
    ids = np.uint64(5) + mix_array(DATA_SEED, counters) % np.uint64(vocab - 5)
    return ids.astype(np.int64).tolist()


def sessions(num_sessions, length, num_items):
    """Sessions of `length` dense items, skewed towards low ids (u² · N) like popularity."""
    out = []
    for s in range(num_sessions):
        row = []
        for j in range(length):
            u = unit(mix(DATA_SEED ^ 0x77, s * 64 + j))
            row.append(int(u * u * float(num_items)))
        out.append(row)
    return out


class NegativeSampler:
    """Popularity^power sampling by inverse CDF over items with training events."""

    def __init__(self, counts, power):
        total, cdf, items = 0.0, [], []
        for i, c in enumerate(counts):
            if c > 0:
                total += float(c) ** power
                cdf.append(total)
                items.append(i)
        self.cdf = [c / total for c in cdf]
        self.items = items

    def draw(self, rng):
        u = unit(rng())
        k = bisect.bisect_right(self.cdf, u)
        return self.items[min(k, len(self.items) - 1)]


def plan_batches(train, num_items, opts, first_steps):
    """The first `first_steps` batches of epoch 1 as (prefixes, candidates): the examples in the
    trainer's Fisher–Yates order, the batch's targets, then the shared popularity negatives."""
    examples = [(s, p) for s, items in enumerate(train) for p in range(1, len(items))]
    counts = [0] * num_items
    for items in train:
        for i in items:
            counts[i] += 1
    sampler = NegativeSampler(counts, opts.negative_power)
    order = list(range(len(examples)))
    rng = Mt19937_64(mix(opts.seed, 0x5EED0000 + 1))  # epoch 1
    for i in range(len(order), 1, -1):
        j = rng() % i
        order[i - 1], order[j] = order[j], order[i - 1]
    batches = []
    bsz = opts.batch
    for step in range(first_steps):
        rng = Mt19937_64(mix(opts.seed ^ 0xA5A5A5A5, step))
        prefixes, cands = [], []
        for k in order[step * bsz:(step + 1) * bsz]:
            s, p = examples[k]
            items = train[s]
            start = p - opts.max_session_items if p > opts.max_session_items else 0
            prefixes.append(items[start:p])
            cands.append(items[p])
        for _ in range(opts.negatives):
            cands.append(sampler.draw(rng))
        batches.append((prefixes, cands))
    steps_per_epoch = (len(examples) + bsz - 1) // bsz
    return batches, steps_per_epoch
