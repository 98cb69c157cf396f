// Torch-free parts of the encoder's API.
#include "srw/text/bert_encoder.h"

#include <algorithm>

namespace srw {

BertBatch BertBatch::fromEncodings(const std::vector<Encoding>& encodings, std::int32_t padId) {
    BertBatch b;
    b.batchSize = std::int64_t(encodings.size());
    for (const auto& e : encodings)
        b.seqLen = std::max<std::int64_t>(b.seqLen, std::int64_t(e.ids.size()));
    const auto n = std::size_t(b.batchSize * b.seqLen);
    b.inputIds.assign(n, padId);
    b.attentionMask.assign(n, 0);
    b.tokenTypeIds.assign(n, 0);
    for (std::size_t i = 0; i < encodings.size(); ++i) {
        const auto& e = encodings[i];
        const std::size_t row = i * std::size_t(b.seqLen);
        for (std::size_t j = 0; j < e.ids.size(); ++j) {
            b.inputIds[row + j] = e.ids[j];
            b.attentionMask[row + j] = j < e.attentionMask.size() ? e.attentionMask[j] : 1;
            b.tokenTypeIds[row + j] = j < e.typeIds.size() ? e.typeIds[j] : 0;
        }
    }
    return b;
}

} // namespace srw
