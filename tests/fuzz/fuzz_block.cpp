// Fuzz target for blocks as they arrive: Block::parse accepts or refuses any bytes; an accepted
// block serialises back to exactly the input (the encoding is canonical), and the structural
// checks every received block goes through (checkBlock, on the test network) accept it or name
// a reason. The wire allows labels up to 255 bytes; the checks must refuse any over 32.
#include "core/chain/Block.h"
#include "core/chain/NetworkParams.h"
#include "core/chain/Transaction.h"
#include "core/chain/Validation.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const pb::Bytes input(data, data + size);
    const auto block = pb::Block::parse(input);
    if (!block) return 0;
    if (block->serialize() != input) pb::fuzz::finding("fuzz_block", "an accepted block does not serialise to its input");
    const pb::ValidationResult checked = pb::checkBlock(input, *pb::networkByName("test"), nullptr);
    if (!checked.ok() && checked.detail.empty()) pb::fuzz::finding("fuzz_block", "a block refused without a reason");
    if (checked.ok() && block->label.size() > pb::kMaxLabelLength) pb::fuzz::finding("fuzz_block", "a label over 32 bytes passed");
    for (const pb::Bytes& raw : block->transactions)
        if (const auto tx = pb::Transaction::parse(raw); tx && tx->type == pb::TxType::Coinbase && tx->coinbase.serialize() != raw)
            pb::fuzz::finding("fuzz_block", "a coinbase does not serialise to its input");
    (void)block->merkleRoot();
    (void)block->computeContentRoot();
    return 0;
}
