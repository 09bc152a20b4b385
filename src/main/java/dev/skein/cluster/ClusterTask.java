package dev.skein.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * The one Hazelcast task type Skein sends: an operation on a hosted worker of a member, with
 * opaque bytes (the process workers' frames, encoded by Skein's own codec) and an HMAC over
 * them. It crosses as an {@link IdentifiedDataSerializable}, never through Java serialization;
 * its reply is the worker's output frames as bytes. Everything it runs is caught inside
 * {@link MemberSessions}: no exception of ours is ever sent back.
 */
final class ClusterTask implements Callable<byte[]>, IdentifiedDataSerializable, HazelcastInstanceAware {
    static final int FACTORY_ID = 0x5c1e;
    static final int CLASS_ID = 1;

    /** Start a hosted worker; payload: its configuration arguments, NUL-separated. */
    static final byte OPEN = 1;
    /** Frames for the worker; the reply holds what it wrote until it waited for input again. */
    static final byte FEED = 2;
    /** Stop the worker now (cancel, timeout, the pool's end): its running task is interrupted. */
    static final byte KILL = 3;

    byte op;
    String session;
    byte[] payload;
    byte[] mac;
    private transient HazelcastInstance instance;

    ClusterTask() {}

    ClusterTask(byte op, String session, byte[] payload, TaskSigner signer) {
        this.op = op;
        this.session = session;
        this.payload = payload;
        this.mac = signer.sign(op, session, payload);
    }

    @Override public byte[] call() {
        return MemberSessions.of(instance).handle(this);
    }

    @Override public void setHazelcastInstance(HazelcastInstance hz) { this.instance = hz; }

    @Override public int getFactoryId() { return FACTORY_ID; }

    @Override public int getClassId() { return CLASS_ID; }

    @Override public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(op);
        out.writeString(session);
        out.writeByteArray(payload);
        out.writeByteArray(mac);
    }

    @Override public void readData(ObjectDataInput in) throws IOException {
        op = in.readByte();
        session = in.readString();
        payload = in.readByteArray();
        mac = in.readByteArray();
    }

    /** Makes the task from its id on the receiving side; nothing else is known to it. */
    static final class Factory implements DataSerializableFactory {
        @Override public IdentifiedDataSerializable create(int typeId) {
            return typeId == CLASS_ID ? new ClusterTask() : null;
        }
    }
}
