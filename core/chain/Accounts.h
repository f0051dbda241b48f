#pragma once
// Account state transitions of a block, as pure functions over a lookup of the state before.
#include "core/chain/Block.h"
#include "core/chain/TransferRules.h"
#include "core/chain/Validation.h"

#include <functional>
#include <map>

namespace pb {

// One account's state before and after a step of a block; the `before` values are undo data.
struct BalanceChange {
    crypto::AddressHash address{};
    uint64_t before = 0;
    uint64_t after = 0;
    uint64_t nonceBefore = 0;
    uint64_t nonceAfter = 0;
};

using AccountLookup = std::function<AccountState(const crypto::AddressHash&)>;

// Account states as they will be after the changes made so far, over a base lookup.
class AccountOverlay {
public:
    explicit AccountOverlay(AccountLookup base) : base_(std::move(base)) {}
    AccountState get(const crypto::AddressHash& address);
    void set(const crypto::AddressHash& address, const AccountState& state) { changed_[address] = state; }

private:
    AccountLookup base_;
    std::map<crypto::AddressHash, AccountState> changed_;
};

// The transfers' fees (overflow-checked); nullopt when they overflow.
std::optional<uint64_t> blockFees(const Block& block);

// Applies a context-checked block's transactions in order to `accounts`: each transfer must
// match its sender's nonce and balance as left by the ones before it; then the coinbase
// credits its address. Appends every account step to *changes. A transfer that breaks an
// account rule makes the block invalid (InvalidTransfer, naming it and the reason).
ValidationResult applyBlockTransactions(const Block& block, AccountOverlay& accounts, std::vector<BalanceChange>* changes);

} // namespace pb
