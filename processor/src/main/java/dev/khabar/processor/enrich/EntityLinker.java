package dev.khabar.processor.enrich;

import dev.khabar.processor.clean.FoldedText;
import dev.khabar.processor.clean.PhraseMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links names in a text to {@link Gazetteer} entities. All aliases of all entities are compiled
 * into one {@link PhraseMatcher}, so "पुतिन", "Putin" and "Путин" find the same id, on word
 * boundaries and through Hindi spelling variants. Where names overlap, the longest wins
 * ("नई दिल्ली" is New Delhi, not Delhi; "Kim Jong Un" is not the UN). Immutable, thread-safe.
 */
public final class EntityLinker {

    private enum Kind { FULL, SHORT, EXACT_CASE }

    private record Alias(Gazetteer.Entry entry, Kind kind, String text) {
    }

    private record Found(Gazetteer.Entry entry, Kind kind, int start, int end) {
    }

    private final PhraseMatcher<Alias> matcher;
    private final Map<String, Gazetteer.Entry> entries = new java.util.HashMap<>();

    public EntityLinker(Gazetteer gazetteer) {
        PhraseMatcher.Builder<Alias> builder = PhraseMatcher.builder();
        for (Gazetteer.Entry e : gazetteer.entries()) {
            entries.put(e.id(), e);
            e.aliases().forEach(a -> builder.add(a, new Alias(e, Kind.FULL, a)));
            e.shortAliases().forEach(a -> builder.add(a, new Alias(e, Kind.SHORT, a)));
            e.exactCaseAliases().forEach(a -> builder.add(a, new Alias(e, Kind.EXACT_CASE, a)));
        }
        this.matcher = builder.build();
    }

    public static EntityLinker defaults() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final EntityLinker DEFAULT = new EntityLinker(Gazetteer.defaults());
    }

    /** The gazetteer entry of {@code id}, if this linker knows it. */
    public java.util.Optional<Gazetteer.Entry> findEntry(String id) {
        return java.util.Optional.ofNullable(entries.get(id));
    }

    /** Entities named in {@code text}, most mentioned first; mentions are offsets into it. */
    public List<EntityMatch> link(String text) {
        return link(FoldedText.of(text), null);
    }

    /**
     * Entities named in {@code text}, most mentioned first. Entities named only in {@code title}
     * (which may be {@code null}) come last, without mentions. Short aliases count when a full
     * name or a context entity appears in the title or the text.
     */
    public List<EntityMatch> link(FoldedText text, FoldedText title) {
        Object[] last = LAST.get();
        String titleSource = title == null ? null : title.source();
        if (last[0] == text && java.util.Objects.equals(last[1], titleSource) && last[3] == this) {
            @SuppressWarnings("unchecked")
            List<EntityMatch> cached = (List<EntityMatch>) last[2];
            return cached;
        }
        List<EntityMatch> result = linkUncached(text, title);
        last[0] = text;
        last[1] = titleSource;
        last[2] = result;
        last[3] = this;
        return result;
    }

    /**
     * The last result on this thread: classification and enrichment of one article link the same
     * folded text (shared through {@link FoldedText#of}), so the second call is free.
     */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[4]);

    private List<EntityMatch> linkUncached(FoldedText text, FoldedText title) {
        List<Found> inText = find(text);
        List<Found> inTitle = title == null ? List.of() : find(title);
        Set<String> present = new HashSet<>();
        for (List<Found> list : List.of(inText, inTitle)) {
            for (Found f : list) {
                if (f.kind() != Kind.SHORT) {
                    present.add(f.entry().id());
                }
            }
        }
        Map<String, List<Span>> mentions = new LinkedHashMap<>();
        Map<String, Gazetteer.Entry> byId = new LinkedHashMap<>();
        for (Found f : inText) {
            if (accepted(f, present)) {
                byId.putIfAbsent(f.entry().id(), f.entry());
                mentions.computeIfAbsent(f.entry().id(), k -> new ArrayList<>())
                        .add(new Span(text.source().substring(f.start(), f.end()), f.start(), f.end()));
            }
        }
        for (Found f : inTitle) {
            if (accepted(f, present)) {
                byId.putIfAbsent(f.entry().id(), f.entry());
            }
        }
        List<EntityMatch> out = new ArrayList<>(byId.size());
        for (Gazetteer.Entry e : byId.values()) {
            out.add(new EntityMatch(e.id(), e.type(), e.name(), e.nameHi(), mentions.getOrDefault(e.id(), List.of())));
        }
        out.sort(Comparator.comparingInt((EntityMatch m) -> -m.mentions().size())
                .thenComparingInt(m -> m.mentions().isEmpty() ? Integer.MAX_VALUE : m.mentions().get(0).start()));
        return List.copyOf(out);
    }

    private static boolean accepted(Found f, Set<String> present) {
        if (f.kind() != Kind.SHORT || present.contains(f.entry().id())) {
            return true;
        }
        for (String id : f.entry().context()) {
            if (present.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Leftmost-longest, non-overlapping matches. */
    private List<Found> find(FoldedText text) {
        List<Found> out = new ArrayList<>();
        int coveredUntil = 0;
        for (PhraseMatcher.Match<Alias> m : matcher.findAll(text)) {
            if (m.startToken() < coveredUntil) {
                continue;
            }
            Alias alias = m.value();
            int start = text.start(m.startToken());
            int end = text.end(m.endToken() - 1);
            if (alias.kind() == Kind.EXACT_CASE && !text.source().substring(start, end).equals(alias.text())) {
                continue;
            }
            out.add(new Found(alias.entry(), alias.kind(), start, end));
            coveredUntil = m.endToken();
        }
        return out;
    }
}
