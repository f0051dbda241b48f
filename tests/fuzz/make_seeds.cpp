// Writes the real-data seeds of the fuzz corpora (tests/fuzz/corpus/<target>/) with the
// engine's own encoders, so seeds stay valid when a format changes: re-run and commit.
//   build/sanitize/tests/fuzz/fuzz_make_seeds tests/fuzz/corpus
// Multipart bodies, query strings, config files, URLs and replies are small hand-written files.
#include "core/api/DeviceRegistry.h"
#include "core/api/TransferJson.h"
#include "core/crypto/Address.h"
#include "core/net/MessageCodec.h"
#include "core/node/NetworkFile.h"
#include "core/wallet/Keystore.h"
#include "tests/unit/chain/BlockFixtures.h"
#include "tests/unit/photo/PhotoSamples.h"
#include "tests/unit/photo/TfjsModelWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace {

QString root;

void write(const QString& target, const QString& name, const QByteArray& bytes)
{
    QDir().mkpath(root + "/" + target);
    QFile file(root + "/" + target + "/" + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
}

QByteArray qbytes(const pb::Bytes& b) { return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size())); }

QByteArray readAll(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <corpus root>\n", argv[0]);
        return 2;
    }
    root = argv[1];
    using namespace pb;

    for (const char* name : {"dev", "test"}) {
        const Block genesis = networkByName(name)->genesisBlock();
        write("block", QString("genesis_%1.bin").arg(name), qbytes(genesis.serialize()));
        const auto header = genesis.header.serialize();
        write("block_header", QString("genesis_%1.bin").arg(name), qbytes(Bytes(header.begin(), header.end())));
        write("transaction", QString("coinbase_%1.bin").arg(name), qbytes(genesis.transactions.front()));
    }
    const TransferTx transfer = test::signedTransfer(test::keyFor(3), crypto::addressFromPublicKey(test::keyFor(4).publicKey()),
                                                     5 * kCoin, 1000, 0);
    Block withTransfer = test::makeBlock(test::testNet().genesisHash(), 1, test::testNet().genesisTime + 5);
    withTransfer.transactions.push_back(transfer.serialize());
    withTransfer.photoHash = crypto::sha256(test::jpegBytes());
    withTransfer.label = "cat";
    withTransfer.vote = LabelVote::Agree;
    test::reseal(withTransfer);
    write("block", "photo_and_transfer.bin", qbytes(withTransfer.serialize()));
    const auto header = withTransfer.header.serialize();
    write("block_header", "solved_test.bin", qbytes(Bytes(header.begin(), header.end())));
    write("transaction", "transfer.bin", qbytes(transfer.serialize()));

    write("message_codec", "tx.cbor", net::encode(net::TransactionMessage{transfer.serialize()}));
    write("message_codec", "gettxs.cbor", net::encode(net::GetTransactions{{txId(transfer.serialize()), crypto::sha256(test::jpegBytes())}}));

    const Block testGenesis = networkByName("test")->genesisBlock();
    write("compact_block", "cmpctblock.cbor", net::encode(net::CompactBlock{testGenesis.serialize(), 7, {1, 2, 0xFFFFFFFFFFFF}}));
    write("compact_block", "cmpctblock_empty.cbor", net::encode(net::CompactBlock{testGenesis.serialize(), ~quint64(0), {}}));
    write("compact_block", "getblocktxn.cbor", net::encode(net::GetBlockTransactions{testGenesis.hash(), {0, 2, 256}}));
    write("compact_block", "blocktxn.cbor",
          net::encode(net::BlockTransactions{testGenesis.hash(), {transfer.serialize(), Bytes(transfer.serialize().begin(), transfer.serialize().begin() + 40)}}));

    write("rest_json", "transfer.json", QJsonDocument(api::transferToJson(transfer)).toJson(QJsonDocument::Compact));
    QJsonObject bigNumbers = api::transferToJson(transfer);
    bigNumbers["amount"] = "18446744073709551615";
    write("rest_json", "transfer_string_amount.json", QJsonDocument(bigNumbers).toJson(QJsonDocument::Compact));

    const std::string address = crypto::encodeAddress(crypto::addressFromPublicKey(test::keyFor(3).publicKey()));
    write("address", "address.txt", QByteArray::fromStdString(address));
    write("address", "bip350_vector.txt", "a1lqfn3a");

    const NetworkFileResult custom = createNetwork("fuzznet", 1'800'000'000, 7100, defaultRecognizerIdentity());
    writeNetworkFile(*custom.params, root + "/network_file/fuzznet.json");

    const QString scratch = QDir::tempPath() + "/pb-make-seeds";
    QDir(scratch).removeRecursively();
    QDir().mkpath(scratch);
    wallet::KeystoreError error;
    auto keystore = wallet::Keystore::create(scratch + "/wallet.json", "correct horse battery", "main", &error, {16, 1, 1});
    if (!keystore) {
        std::fprintf(stderr, "keystore: %s\n", qPrintable(error.message));
        return 1;
    }
    keystore->newAddress("savings", &error);
    write("keystore", "two_addresses_cheap_scrypt.json", readAll(scratch + "/wallet.json"));

    api::DeviceRegistry devices(scratch + "/devices.json");
    for (const char* name : {"phone", "tablet"})
        devices.pair(devices.issueCode(1'800'000'000).code, name, 1'800'000'000);
    write("devices_json", "two_devices.json", readAll(scratch + "/devices.json"));
    QDir(scratch).removeRecursively();

    // Tiny photos (the decoder's minimum side is 16): every shape of file the decoder handles.
    namespace samples = photo::samples;
    const Bytes jpeg = samples::encode(samples::leftWhiteRightBlack(24, 16), ".jpg");
    std::vector<uchar> progressive;
    cv::imencode(".jpg", samples::leftWhiteRightBlack(32, 20), progressive, {cv::IMWRITE_JPEG_PROGRESSIVE, 1, cv::IMWRITE_JPEG_QUALITY, 50});
    cv::Mat gray(16, 16, CV_8UC1, cv::Scalar(128));
    const std::vector<std::pair<const char*, Bytes>> photos = {
        {"baseline_24x16.jpg", jpeg},
        {"progressive_32x20.jpg", Bytes(progressive.begin(), progressive.end())},
        {"exif_rotated_24x16.jpg", samples::withExifOrientation(jpeg, 6)},
        {"colour_16x16.png", samples::encode(samples::leftWhiteRightBlack(16, 16), ".png")},
        {"gray_16x16.png", samples::encode(gray, ".png")},
        {"claims_100000x100000.png", samples::pngClaiming(100000, 100000)},
    };
    for (const auto& [name, bytes] : photos) {
        write("photo_decoder", name, qbytes(bytes));
        write("image_header", name, qbytes(bytes));
    }

    // The importer's sample graph (model.json, NUL, weights), as fuzz_tfjs_model splits it.
    const photo::testing::ModelWriter model = photo::testing::sampleModel();
    write("tfjs_model", "sample_graph.bin", QByteArray::fromStdString(model.json() + std::string(1, '\0') + model.weights()));
    const photo::testing::ModelWriter mobile = photo::testing::mobileModel();  // CenterNet's and BlazeFace's ops
    write("tfjs_model", "mobile_graph.bin", QByteArray::fromStdString(mobile.json() + std::string(1, '\0') + mobile.weights()));
    // Regression (fuzz_tfjs_model, CI seed 597030): a pad of 2^30 + 2^30 overflowed the int shape arithmetic.
    photo::testing::ModelWriter hugePad = photo::testing::sampleModel();
    hugePad.ints("hugePads", {4, 2}, {0, 0, 1 << 30, 1 << 30, 0, 0, 0, 0});
    hugePad.op("hugePad", "Pad", {"nhwc", "hugePads"});
    hugePad.op("hugeOut", "Sigmoid", {"hugePad"});
    hugePad.output("hugeOut");
    write("tfjs_model", "regression_pad_overflow.bin", QByteArray::fromStdString(hugePad.json() + std::string(1, '\0') + hugePad.weights()));
    std::printf("seeds written under %s\n", qPrintable(root));
    return 0;
}
