// Fuzz target for transactions: any bytes parse or are refused; a parsed transaction of
// either type serialises back to exactly the input, and checking a transfer's signature on
// hostile bytes is harmless.
#include "core/chain/Transaction.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const pb::Bytes input(data, data + size);
    const auto tx = pb::Transaction::parse(input);
    if (!tx) return 0;
    const pb::Bytes again = tx->type == pb::TxType::Coinbase ? tx->coinbase.serialize() : tx->transfer.serialize();
    if (again != input) pb::fuzz::finding("fuzz_transaction", "a parsed transaction does not serialise to its input");
    if (tx->type == pb::TxType::Transfer) {
        (void)tx->transfer.signatureValid();
        (void)tx->transfer.from();
    }
    return 0;
}
