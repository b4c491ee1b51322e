package dev.penguinmails.shared.secrets;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * Data keys from a KMS key: {@code GenerateDataKey} (AES_256) to seal, {@code Decrypt} to open, both with the
 * secret's context as encryption context. The key policy and the functions' grants decide who may open what:
 * a family granted only {@code kms:Decrypt} reads secrets but cannot make new ones.
 */
public final class KmsDataKeys implements DataKeys {
    private final KmsClient kms;
    private final String keyArn;

    public KmsDataKeys(KmsClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public DataKey newDataKey(SecretContext context) {
        GenerateDataKeyResponse response = kms.generateDataKey(r -> r.keyId(keyArn).keySpec(DataKeySpec.AES_256)
                .encryptionContext(context.asMap()));
        return new DataKey(response.plaintext().asByteArray(), response.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(byte[] wrapped, SecretContext context) {
        try {
            return kms.decrypt(r -> r.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context.asMap())).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new SecretUnreadableException("KMS refused the data key in this context");
        }
    }
}
