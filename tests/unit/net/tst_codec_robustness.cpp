// 100,000 hostile frames: valid encodings of random messages, mutated (bit flips, truncation,
// splices, lying length headers), plus pure noise. Decoding must never crash, and whatever it
// accepts must re-encode and decode to the same message. Meant to run under ASan/UBSan too.
#include "core/net/MessageCodec.h"

#include "MessageSamples.h"
#include "tests/fuzz/FrameMutator.h"

#include <QtTest>

using namespace pb::net;

class CodecRobustnessTest : public QObject {
    Q_OBJECT
private slots:
    void survivesRandomAndMutatedFrames()
    {
        constexpr int kFrames = 100000;
        test::MessageSamples samples(99);
        pb::fuzz::FrameMutator mutator(1234);
        std::vector<std::string> valid;
        for (int i = 0; i < 64; ++i) {
            const QByteArray encoded = encode(samples.any());
            valid.emplace_back(encoded.constData(), size_t(encoded.size()));
        }

        int accepted = 0;
        for (int i = 0; i < kFrames; ++i) {
            const std::string& base = valid[mutator.below(valid.size())];
            const std::string input = i % 10 == 0 ? mutator.randomBytes(256)
                                                  : mutator.mutate(base, valid[mutator.below(valid.size())]);
            const QByteArray frame = QByteArray::fromRawData(input.data(), qsizetype(input.size()));
            QString error;
            const auto decoded = decode(frame, &error);
            if (!decoded) {
                QVERIFY2(!error.isEmpty(), "a rejection must say why");
                continue;
            }
            ++accepted;
            const auto again = decode(encode(*decoded), &error);
            QVERIFY2(again, qPrintable("re-encoding an accepted frame failed: " + error));
            QVERIFY(*again == *decoded);
        }
        // Some mutations keep frames valid (a flipped bit inside a hash); most do not.
        qInfo() << accepted << "of" << kFrames << "mutated frames decoded";
        QVERIFY(accepted > 0);
        QVERIFY(accepted < kFrames / 2);
    }
};

QTEST_APPLESS_MAIN(CodecRobustnessTest)
#include "tst_codec_robustness.moc"
