#pragma once
// Payment requests as URIs, in the manner of Bitcoin's BIP-21:
//   photoblocks:pb1…?amount=1.5&label=Corner%20shop&message=Order%2042
// amount in coins (at most 8 decimals), label and message percent-encoded UTF-8. Parsing is
// strict, since the text comes from a QR code or a link anyone can make: the address must be
// valid, each parameter appears once, an unknown "req-" parameter (one the payer must understand)
// is refused, other unknown parameters are ignored, and the whole is at most 2000 characters.
#include <QString>

#include <optional>

namespace pb::wallet {

struct PaymentRequest {
    QString address;
    std::optional<quint64> amount;  // units; absent: the payer chooses
    QString label;                  // whom to pay, for the address book
    QString message;                // what for
};

constexpr int kMaxRequestLength = 2000;
constexpr int kMaxRequestLabel = 64;
constexpr int kMaxRequestMessage = 200;

QString formatPaymentRequest(const PaymentRequest& request);
// The request, or why the text is not one (in words).
std::optional<PaymentRequest> parsePaymentRequest(const QString& text, QString* error);

} // namespace pb::wallet
