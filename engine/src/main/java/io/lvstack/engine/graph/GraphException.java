package io.lvstack.engine.graph;

import io.lvstack.api.LvstackException;

/** A change the graph refuses: it would break a link, extent or cycle invariant. */
public class GraphException extends LvstackException {
    private static final long serialVersionUID = 1L;

    public GraphException(String message) {
        super(message);
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
