/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What reflection cannot tell about a compiled class, read from its class file (JVMS 4): the
 * annotations of the type, invisible ones included (OSGi's {@code @ProviderType} has class
 * retention), and the constant values of its fields ({@code ConstantValue}, JVMS 4.7.2), which
 * compilers copy into the classes that use them. Reading the value from the class file needs no
 * class initialization.
 *
 * @param annotations the type's annotations as descriptors ({@code Lorg/osgi/annotation/versioning/ProviderType;})
 * @param constants   by field name: Integer, Long, Float, Double or String, as the constant pool holds them
 */
record ClassFileFacts(Set<String> annotations, Map<String, Object> constants) {

	static final String PROVIDER_TYPE = "Lorg/osgi/annotation/versioning/ProviderType;";

	static ClassFileFacts read(byte[] classFile) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
		if (in.readInt() != 0xCAFEBABE) {
			throw new IOException("not a class file");
		}
		in.readUnsignedShort(); // minor
		in.readUnsignedShort(); // major
		Object[] pool = new Object[in.readUnsignedShort()];
		for (int i = 1; i < pool.length; i++) {
			int tag = in.readUnsignedByte();
			switch (tag) {
				case 1 -> pool[i] = in.readUTF();
				case 3 -> pool[i] = in.readInt();
				case 4 -> pool[i] = in.readFloat();
				case 5 -> pool[i++] = in.readLong(); // JVMS 4.4.5: takes two entries
				case 6 -> pool[i++] = in.readDouble();
				case 8 -> pool[i] = new StringRef(in.readUnsignedShort());
				case 7, 16, 19, 20 -> in.readUnsignedShort();
				case 15 -> in.skipNBytes(3);
				case 9, 10, 11, 12, 17, 18 -> in.readInt();
				default -> throw new IOException("constant pool tag " + tag);
			}
		}
		in.skipNBytes(6); // access, this, super
		in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
		Map<String, Object> constants = new HashMap<>();
		int fields = in.readUnsignedShort();
		for (int f = 0; f < fields; f++) {
			in.readUnsignedShort();
			String name = (String) pool[in.readUnsignedShort()];
			in.readUnsignedShort();
			int attributes = in.readUnsignedShort();
			for (int a = 0; a < attributes; a++) {
				String attribute = (String) pool[in.readUnsignedShort()];
				int length = in.readInt();
				if (attribute.equals("ConstantValue")) {
					Object value = pool[in.readUnsignedShort()];
					constants.put(name, value instanceof StringRef s ? pool[s.utf8()] : value);
				} else {
					in.skipNBytes(length);
				}
			}
		}
		int methods = in.readUnsignedShort();
		for (int m = 0; m < methods; m++) {
			in.skipNBytes(6);
			int attributes = in.readUnsignedShort();
			for (int a = 0; a < attributes; a++) {
				in.readUnsignedShort();
				in.skipNBytes(in.readInt());
			}
		}
		Set<String> annotations = new HashSet<>();
		int attributes = in.readUnsignedShort();
		for (int a = 0; a < attributes; a++) {
			String attribute = (String) pool[in.readUnsignedShort()];
			int length = in.readInt();
			if (attribute.equals("RuntimeInvisibleAnnotations") || attribute.equals("RuntimeVisibleAnnotations")) {
				int count = in.readUnsignedShort();
				for (int i = 0; i < count; i++) {
					annotations.add(annotation(in, pool));
				}
			} else {
				in.skipNBytes(length);
			}
		}
		return new ClassFileFacts(Set.copyOf(annotations), Map.copyOf(constants));
	}

	private record StringRef(int utf8) {
	}

	/** Reads one annotation (JVMS 4.7.16) and returns its type descriptor. */
	private static String annotation(DataInputStream in, Object[] pool) throws IOException {
		String type = (String) pool[in.readUnsignedShort()];
		int pairs = in.readUnsignedShort();
		for (int p = 0; p < pairs; p++) {
			in.readUnsignedShort();
			skipElementValue(in, pool);
		}
		return type;
	}

	private static void skipElementValue(DataInputStream in, Object[] pool) throws IOException {
		int tag = in.readUnsignedByte();
		switch (tag) {
			case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> in.readUnsignedShort();
			case 'e' -> in.readInt();
			case '@' -> annotation(in, pool);
			case '[' -> {
				int n = in.readUnsignedShort();
				for (int i = 0; i < n; i++) {
					skipElementValue(in, pool);
				}
			}
			default -> throw new IOException("element value tag " + (char) tag);
		}
	}
}
