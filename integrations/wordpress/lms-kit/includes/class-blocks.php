<?php
/**
 * Blocks: "LMS Kit course" (course picker, progress sidebar and certificate options) and one block
 * per page-level element, registered by tag name (`lms-catalog`, `lms-my-learning`, `lms-progress`,
 * `lms-certificate-verify`): the bundle defines each tag when it appears. All are dynamic blocks
 * rendered by `Lms_Kit_Render`, so markup follows the plugin, not what a post saved.
 *
 * @package LmsKit
 */

defined( 'ABSPATH' ) || exit;

/** Registers the blocks and their editor script. */
final class Lms_Kit_Blocks {
	/** Element blocks: block name => [tag, title, attributes (name => attribute of the element)]. */
	const ELEMENTS = array(
		'catalog'            => array( 'lms-catalog', 'LMS Kit catalog', array() ),
		'my-learning'        => array( 'lms-my-learning', 'LMS Kit my learning', array() ),
		'progress'           => array( 'lms-progress', 'LMS Kit progress', array( 'course' => 'course' ) ),
		'certificate-verify' => array( 'lms-certificate-verify', 'LMS Kit certificate check', array() ),
	);

	public static function init(): void {
		add_action( 'init', array( self::class, 'register' ) );
	}

	public static function register(): void {
		wp_register_script(
			'lms-kit-blocks',
			Lms_Kit_Assets::url( 'blocks.js' ),
			array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-data', 'wp-i18n' ),
			LMS_KIT_VERSION,
			true
		);
		wp_add_inline_script( 'lms-kit-blocks', 'window.lmsKitBlocks = ' . wp_json_encode( self::ELEMENTS ) . ';', 'before' );
		wp_set_script_translations( 'lms-kit-blocks', 'lms-kit' );
		register_block_type(
			'lms-kit/course',
			array(
				'api_version'     => 2,
				'editor_script'   => 'lms-kit-blocks',
				'attributes'      => array(
					'courseId'    => array( 'type' => 'number', 'default' => 0 ),
					'progress'    => array( 'type' => 'boolean', 'default' => true ),
					'certificate' => array( 'type' => 'boolean', 'default' => false ),
				),
				'render_callback' => static function ( $attributes ) {
					return Lms_Kit_Render::course( (int) $attributes['courseId'], ! empty( $attributes['progress'] ), ! empty( $attributes['certificate'] ) );
				},
			)
		);
		foreach ( self::ELEMENTS as $name => list( $tag, , $attribute_names ) ) {
			$attributes = array();
			foreach ( array_keys( $attribute_names ) as $attribute ) {
				$attributes[ $attribute ] = array( 'type' => 'string', 'default' => '' );
			}
			register_block_type(
				"lms-kit/$name",
				array(
					'api_version'     => 2,
					'editor_script'   => 'lms-kit-blocks',
					'attributes'      => $attributes,
					'render_callback' => static function ( $values ) use ( $tag, $attribute_names ) {
						$html = array();
						foreach ( $attribute_names as $attribute => $html_name ) {
							$html[ $html_name ] = $values[ $attribute ] ?? '';
						}
						return Lms_Kit_Render::element( $tag, $html );
					},
				)
			);
		}
	}
}
