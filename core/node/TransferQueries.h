#pragma once
// Read-only coin queries over storage: accounts, transactions and histories from the chain
// store, pending transfers from the persisted mempool. Throws StoreError when storage fails.
#include "core/crypto/Address.h"
#include "core/node/QueryError.h"
#include "core/node/TransactionInfo.h"

#include <QList>
#include <optional>

namespace pb {

class ChainStore;
struct Transaction;

namespace storage {
class RedisMempoolStore;
}

// One transaction as the GUI and the API show it (status and place left to the caller).
TransactionInfo describeTransaction(const Bytes& raw, const Transaction& tx);

class TransferQueries {
public:
    TransferQueries(ChainStore& chain, storage::RedisMempoolStore& mempool) : chain_(chain), mempool_(mempool) {}

    AccountInfo account(const crypto::AddressHash& address);
    QList<TransactionInfo> history(const crypto::AddressHash& address, int max);
    std::optional<TransactionInfo> transaction(const Hash256& id);
    // Highest fee first.
    QList<TransactionInfo> pending();

private:
    std::optional<TransactionInfo> confirmed(const Hash256& id);

    ChainStore& chain_;
    storage::RedisMempoolStore& mempool_;
};

} // namespace pb
