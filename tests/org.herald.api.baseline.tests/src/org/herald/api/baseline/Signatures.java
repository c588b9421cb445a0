/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.herald.api.baseline.PackageApi.Element;

/**
 * The public signature of compiled classes, by reflection: every type a user of the package can
 * name (public top-level types, their public and protected member types), with its declaration
 * (modifiers, kind, type parameters, {@code @ProviderType}), supertypes, permitted subtypes, and
 * its public members, protected ones too where the type can be extended: fields with their
 * constant values, constructors, methods, all with generic signatures and thrown types.
 * Synthetic and bridge members are left out; inherited members are their declaring type's.
 */
final class Signatures {

	/** A class and what its class file says beyond reflection. */
	record Compiled(Class<?> type, ClassFileFacts facts) {
	}

	private Signatures() {
	}

	/** The elements of the types among {@code classes} that belong to the API. */
	static Set<Element> of(List<Compiled> classes) {
		Set<Element> elements = new TreeSet<>();
		for (Compiled c : classes) {
			if (visible(c.type())) {
				elements.addAll(of(c));
			}
		}
		return elements;
	}

	/** Whether users outside the package can name the type: public, or public/protected inside such a type. */
	static boolean visible(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
			int m = t.getModifiers();
			boolean ok = t.getDeclaringClass() == null ? Modifier.isPublic(m) : Modifier.isPublic(m) || Modifier.isProtected(m);
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static List<Element> of(Compiled c) {
		Class<?> t = c.type();
		String name = t.getName();
		List<Element> e = new ArrayList<>();
		e.add(new Element(name, "type", declaration(c)));
		Type superclass = t.getGenericSuperclass();
		if (superclass != null && superclass != Object.class) {
			e.add(new Element(name, "extends", superclass.getTypeName()));
		}
		for (Type i : t.getGenericInterfaces()) {
			e.add(new Element(name, "implements " + erasure(i), i.getTypeName()));
		}
		if (t.isSealed()) {
			for (Class<?> p : t.getPermittedSubclasses()) {
				e.add(new Element(name, "permits " + p.getName(), p.getName()));
			}
		}
		boolean extendable = !Modifier.isFinal(t.getModifiers()) && !t.isSealed();
		for (Field f : t.getDeclaredFields()) {
			if (!f.isSynthetic() && accessible(f.getModifiers(), extendable)) {
				e.add(new Element(name, "field " + f.getName(), field(f, c.facts().constants().get(f.getName()))));
			}
		}
		for (Constructor<?> k : t.getDeclaredConstructors()) {
			if (!k.isSynthetic() && accessible(k.getModifiers(), extendable)) {
				e.add(new Element(name, "constructor " + erasedParameters(k), executable(k, k.getModifiers(), "", t.getSimpleName())));
			}
		}
		for (Method m : t.getDeclaredMethods()) {
			if (!m.isSynthetic() && !m.isBridge() && accessible(m.getModifiers(), extendable)) {
				String returns = m.getGenericReturnType().getTypeName() + " ";
				e.add(new Element(name, "method " + m.getName() + erasedParameters(m),
						executable(m, m.getModifiers() | (m.isDefault() ? DEFAULT : 0), returns, m.getName())));
			}
		}
		return e;
	}

	/** Our marker for a default method (not a JVM access flag). */
	private static final int DEFAULT = 1 << 30;

	private static boolean accessible(int modifiers, boolean extendable) {
		return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && extendable);
	}

	private static String declaration(Compiled c) {
		Class<?> t = c.type();
		int m = t.getModifiers();
		List<String> words = new ArrayList<>();
		if (c.facts().annotations().contains(ClassFileFacts.PROVIDER_TYPE)) {
			words.add("@ProviderType");
		}
		words.add(Modifier.isPublic(m) ? "public" : "protected");
		if (Modifier.isStatic(m) && t.getDeclaringClass() != null) {
			words.add("static");
		}
		String kind;
		if (t.isAnnotation()) {
			kind = "@interface";
		} else if (t.isInterface()) {
			kind = "interface";
		} else if (t.isEnum()) {
			kind = "enum";
		} else if (t.isRecord()) {
			kind = "record";
		} else {
			kind = "class";
			if (Modifier.isAbstract(m)) {
				words.add("abstract");
			}
			if (Modifier.isFinal(m)) {
				words.add("final");
			}
		}
		if (t.isSealed()) {
			words.add("sealed");
		} else if (!kind.equals("enum") && !kind.equals("record") && !Modifier.isFinal(m) && t.getSuperclass() != null && t.getSuperclass().isSealed()) {
			words.add("non-sealed");
		}
		words.add(kind);
		String generics = typeParameters(t.getTypeParameters()).strip();
		return String.join(" ", words) + (generics.isEmpty() ? "" : " " + generics);
	}

	private static String field(Field f, Object constant) {
		String text = modifiers(f.getModifiers()) + f.getGenericType().getTypeName() + " " + f.getName();
		return constant == null ? text : text + " = " + literal(f.getType(), constant);
	}

	/** A constant as source would write it; {@code char} and {@code boolean} come from the pool as int. */
	static String literal(Class<?> type, Object value) {
		if (type == char.class) {
			return "(char) " + value;
		}
		if (type == boolean.class) {
			return Integer.valueOf(1).equals(value) ? "true" : "false";
		}
		if (value instanceof String s) {
			StringBuilder b = new StringBuilder("\"");
			for (char ch : s.toCharArray()) {
				if (ch == '"' || ch == '\\') {
					b.append('\\').append(ch);
				} else if (ch < 0x20 || ch == '|' || ch > 0x7E) {
					b.append(String.format("\\u%04x", (int) ch));
				} else {
					b.append(ch);
				}
			}
			return b.append('"').toString();
		}
		if (value instanceof Long) {
			return value + "L";
		}
		if (value instanceof Float) {
			return value + "f";
		}
		return String.valueOf(value);
	}

	private static String executable(Executable x, int modifiers, String returns, String name) {
		String params = Arrays.stream(x.getGenericParameterTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
		if (x.isVarArgs() && params.endsWith("[]")) {
			params = params.substring(0, params.length() - 2) + "...";
		}
		String generics = typeParameters(x.getTypeParameters());
		String throwsClause = x.getGenericExceptionTypes().length == 0 ? ""
				: " throws " + Arrays.stream(x.getGenericExceptionTypes()).map(Type::getTypeName).collect(Collectors.joining(", "));
		return modifiers(modifiers) + (generics.isEmpty() ? "" : generics.strip() + " ") + returns + name + "(" + params + ")" + throwsClause;
	}

	/** The modifiers that are part of a member's contract: access, static, final, abstract, default. */
	private static String modifiers(int m) {
		StringBuilder b = new StringBuilder();
		b.append(Modifier.isPublic(m) ? "public " : Modifier.isProtected(m) ? "protected " : "");
		if ((m & DEFAULT) != 0) {
			b.append("default ");
		}
		if (Modifier.isAbstract(m)) {
			b.append("abstract ");
		}
		if (Modifier.isStatic(m)) {
			b.append("static ");
		}
		if (Modifier.isFinal(m)) {
			b.append("final ");
		}
		return b.toString();
	}

	private static String typeParameters(TypeVariable<?>[] variables) {
		if (variables.length == 0) {
			return "";
		}
		return "<" + Arrays.stream(variables).map(v -> {
			List<String> bounds = Arrays.stream(v.getBounds()).filter(b -> b != Object.class).map(Type::getTypeName).toList();
			return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
		}).collect(Collectors.joining(", ")) + "> ";
	}

	private static String erasedParameters(Executable x) {
		return "(" + Arrays.stream(x.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(",")) + ")";
	}

	private static String erasure(Type type) {
		String n = type.getTypeName();
		int lt = n.indexOf('<');
		return lt < 0 ? n : n.substring(0, lt);
	}
}
