<?php
/**
 * The storage protocol of `@lms-kit/server` on WordPress's REST API (`/wp-json/lms-kit/v1/…`): the
 * same paths, bodies, status codes, ETags and error codes, so a page's `HttpStorageAdapter` talks to
 * either. Identity is a bearer JWT signed with the site's secret (`Lms_Kit_Identity`); access rules are
 * the server's (`Lms_Kit_Access`).
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Registers routes whose handlers get `(params, body, request, identity)` and throw `Lms_Kit_Http_Error`. */
final class Lms_Kit_Protocol {
	const NAMESPACE_V1 = 'lms-kit/v1';
	/** Bodies above this answer 413, as on the server. */
	const MAX_BODY = 1048576;

	/** @var array<int, array{0: string, 1: string}> Method (lower case) and path of every route registered, for the OpenAPI document. */
	private static $routes = array();

	/** @return array<int, array{0: string, 1: string}> */
	public static function routes(): array {
		return self::$routes;
	}

	/**
	 * @param string   $method  GET, PUT, POST or DELETE.
	 * @param string   $path    `/progress/{learner}/{course}` (segments in braces are parameters).
	 * @param callable $handler Answers an array (JSON), null (204) or a WP_REST_Response.
	 * @param int      $max_body Bytes a body may have.
	 */
	public static function route( string $method, string $path, callable $handler, int $max_body = self::MAX_BODY ): void {
		self::$routes[] = array( strtolower( $method ), $path );
		$pattern        = preg_replace( '/\{(\w+)\}/', '(?P<$1>[^/]+)', $path );
		register_rest_route(
			self::NAMESPACE_V1,
			$pattern,
			array(
				'methods'             => $method,
				// Every route checks the bearer token itself (in `run`), to answer the protocol's 401 body.
				'permission_callback' => '__return_true',
				'callback'            => static function ( WP_REST_Request $request ) use ( $handler, $max_body ) {
					return self::run( $request, $handler, $max_body );
				},
			)
		);
	}

	private static function run( WP_REST_Request $request, callable $handler, int $max_body ) {
		try {
			if ( strlen( (string) $request->get_body() ) > $max_body ) {
				throw new Lms_Kit_Http_Error( 413, 'server/payload-too-large', 'The request body is larger than the server accepts.' );
			}
			$who    = Lms_Kit_Identity::from_request( $request );
			$params = self::params( $request );
			$body   = null;
			if ( in_array( $request->get_method(), array( 'PUT', 'POST' ), true ) ) {
				$body = json_decode( (string) $request->get_body(), true );
				if ( JSON_ERROR_NONE !== json_last_error() ) {
					throw new Lms_Kit_Http_Error( 400, 'server/invalid-request', 'The body is not JSON.' );
				}
			}
			$result = $handler( $params, $body, $request, $who );
			if ( $result instanceof WP_REST_Response ) {
				return $result;
			}
			return null === $result ? new WP_REST_Response( null, 204 ) : new WP_REST_Response( $result, 200 );
		} catch ( Lms_Kit_Http_Error $error ) {
			return $error->to_response();
		}
	}

	/** Path parameters, decoded once (ids such as `mailto:ada@example.com` travel encoded). */
	private static function params( WP_REST_Request $request ): array {
		$decoded = array();
		// With pretty permalinks the route comes from the raw URL; with `?rest_route=` PHP already decoded it.
		$raw = ! isset( $_GET['rest_route'] ); // phpcs:ignore WordPress.Security.NonceVerification
		foreach ( $request->get_url_params() as $name => $value ) {
			$decoded[ $name ] = $raw ? rawurldecode( (string) $value ) : (string) $value;
		}
		return $decoded;
	}

	/** A versioned record with its ETag. */
	public static function versioned( array $doc ): WP_REST_Response {
		$response = new WP_REST_Response( $doc, 200 );
		$response->header( 'ETag', '"' . $doc['version'] . '"' );
		return $response;
	}

	/** `If-Match: "3"` → 3, `If-None-Match: *` → 'none', neither → null (last write wins). */
	public static function precondition( WP_REST_Request $request ) {
		if ( '*' === $request->get_header( 'if_none_match' ) ) {
			return 'none';
		}
		$match = $request->get_header( 'if_match' );
		if ( null === $match ) {
			return null;
		}
		if ( ! preg_match( '/^(?:W\/)?"?(\d+)"?$/', trim( $match ), $found ) ) {
			throw new Lms_Kit_Http_Error( 400, 'server/invalid-request', 'If-Match must be a version ETag such as "3".' );
		}
		return (int) $found[1];
	}

	/** A query parameter, or null. */
	public static function query( WP_REST_Request $request, string $name ): ?string {
		$value = $request->get_query_params()[ $name ] ?? null;
		return is_string( $value ) && '' !== $value ? $value : null;
	}
}
